import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { simpleYaml } from './simpleYaml.js';
import type { ArticleMeta } from './types.js';

/** Thrown for front matter that cannot be used; the message says why. */
export class FrontMatterError extends Error {}

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .nullish();

const metaSchema = z
  .object({
    title: text,
    source: text,
    url: z.string().trim().url({ message: 'url must be an absolute URL' }).nullish(),
    published: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
      .refine((v) => isoDate.test(v) && !Number.isNaN(Date.parse(v)), {
        message: 'published must be an ISO date such as 2025-02-12',
      })
      .nullish(),
    dateline: text,
    authors: z
      .union([z.string(), z.array(z.union([z.string(), z.number()]))])
      .transform((v) =>
        (Array.isArray(v) ? v.map(String) : v.split(/\s*(?:,|\band\b|;)\s*/))
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .nullish(),
  })
  .passthrough();

export interface FrontMatter {
  /** Validated fields; `title` falls back to null here, the loader picks a default. */
  meta: Omit<ArticleMeta, 'title'> & { title: string | null };
  /** Offset in the file where the body starts (just after the closing `---` line). */
  bodyStart: number;
}

/**
 * Splits optional front matter (YAML between two `---` lines at the very top) from the body.
 *
 * @example
 * readFrontMatter('---\ntitle: Hi\n---\nBody.').bodyStart // 19
 */
export function readFrontMatter(file: string): FrontMatter {
  const empty: FrontMatter['meta'] = {
    title: null,
    source: null,
    url: null,
    published: null,
    dateline: null,
    authors: [],
  };
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(file);
  if (!open) return { meta: empty, bodyStart: file.startsWith('\uFEFF') ? 1 : 0 };
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = file.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) throw new FrontMatterError('front matter has no closing --- line');
  const yamlText = rest.slice(0, end.index);
  let raw: unknown;
  try {
    raw = yamlText.trim() === '' ? {} : (simpleYaml(yamlText) ?? parseYaml(yamlText));
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    throw new FrontMatterError(`front matter is not valid YAML (${first})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FrontMatterError('front matter must be a list of "key: value" lines');
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FrontMatterError(
      `bad front matter: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const m = parsed.data;
  return {
    meta: {
      title: m.title || null,
      source: m.source || null,
      url: m.url || null,
      published: m.published || null,
      dateline: m.dateline || null,
      authors: m.authors ?? [],
    },
    bodyStart: open[0].length + end.index + end[0].length,
  };
}
