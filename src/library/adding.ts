/**
 * What `/add` and `cli add` do before writing: a text file made an article file, and the checks that
 * keep a library to one copy of an article (same URL, canonical URL or body) under an id of its own.
 * Pure functions over a {@link Library} and a {@link PageArticle}; {@link Libraries} calls them.
 */
import { SourceError } from '../sources/errors.js';
import type { PageArticle } from '../sources/page.js';
import type { Library } from './library.js';

/** A .md or .txt file: kept as it is when it is an article file already (front matter), else made one. */
export async function textArticle(name: string, bytes: Uint8Array): Promise<PageArticle> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SourceError('bad-input', 'The file is not UTF-8 text.');
  }
  const { extractText } = await import('../sources/extract.js');
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const body = front ? text.slice(front[0].length) : text;
  const extraction = extractText(body, `file:///${encodeURIComponent(name)}`);
  if (front) {
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1] ?? '')?.[1];
    const url = /^url:\s*["']?(\S+?)["']?\s*$/m.exec(front[1] ?? '')?.[1];
    const published = /^published:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(front[1] ?? '')?.[1];
    if (title) extraction.title = title;
    if (url) extraction.canonicalUrl = url;
    if (published) extraction.published = published;
    return { extraction, text: text.endsWith('\n') ? text : `${text}\n`, url: `file:///${name}` };
  }
  const { articleFileText } = await import('../sources/page.js');
  return { extraction, text: articleFileText(extraction), url: `file:///${name}` };
}

/** The body of an article file, reduced to its letters and digits (front matter left out). */
function bodyKey(fileText: string): string {
  return fileText
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameUrl(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const norm = (u: string) => u.trim().replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The id of an article in `library` with the same URL, canonical URL or body as `page`. */
export function findSame(library: Library, page: PageArticle, asked: string | null): string | null {
  const urls = [asked, page.url, page.extraction.canonicalUrl].filter((u): u is string => Boolean(u));
  const body = bodyKey(page.text);
  for (const a of library.articles) {
    if (urls.some((u) => sameUrl(u, a.meta.url))) return a.id;
    if (body.length > 0 && bodyKey(a.text) === body) return a.id;
  }
  return null;
}

/** `wanted`, or `wanted-2`, `wanted-3`… whichever no article of the view has. */
export function freeId(view: Library, wanted: string): string {
  const base =
    wanted
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^[-.]+/, '')
      .slice(0, 100) || 'article';
  if (!view.articleById.has(base)) return base;
  for (let n = 2; ; n++) if (!view.articleById.has(`${base}-${n}`)) return `${base}-${n}`;
}
