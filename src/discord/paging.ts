/**
 * Paging state that survives a restart: the button's custom id holds the page and a digest of the
 * query; the query itself is in the message footer, written in the console's slash syntax. A
 * footer that no longer matches its digest means the page is gone.
 */
import { createHash } from 'node:crypto';
import { commandSpec } from '../commands/definitions.js';
import { parseSlashLine } from '../commands/parseText.js';

const PREFIX = 'cb:page';
const FOOTER_PREFIX = 'Query: ';

/** A command and its options, as rerun to show another page. */
export interface PagedQuery {
  command: string;
  options: Record<string, string | number | boolean>;
}

/** The options that define the answer (not how it is shown). */
function answerOptions(options: PagedQuery['options']): [string, string][] {
  return Object.entries(options)
    .filter(([name]) => name !== 'private' && name !== 'limit')
    .map(([name, value]) => [name, String(value).replace(/\s+/g, ' ').trim()] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** A short, stable fingerprint of a query. */
export function queryDigest(query: PagedQuery): string {
  return createHash('sha256')
    .update(JSON.stringify([query.command, answerOptions(query.options)]))
    .digest('base64url')
    .slice(0, 12);
}

/** A value as typed at the console: quoted only when it has spaces or quotes, or is empty. */
function typedValue(value: string): string {
  return value === '' || /[\s"“”']/.test(value) ? `"${value}"` : value;
}

/**
 * The query as shown in a footer, in the console's slash syntax.
 *
 * @example
 * queryText({ command: 'summary', options: { sentences: 3, focus: 'NATO aid' } })
 * // '/summary focus:"NATO aid" sentences:3'
 */
export function queryText(query: PagedQuery): string {
  const spec = commandSpec(query.command);
  const parts = answerOptions(query.options).map(([name, value]) => `${name}:${typedValue(value)}`);
  return [`/${spec?.name ?? query.command}`, ...parts].join(' ');
}

export function footerText(query: PagedQuery, page: number, pages: number): string {
  return `${FOOTER_PREFIX}${queryText(query)}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ''}`;
}

/** The query a footer shows, or null if it is not one of ours. */
export function queryFromFooter(footer: string | undefined | null): PagedQuery | null {
  if (!footer?.startsWith(FOOTER_PREFIX)) return null;
  const line = footer.slice(FOOTER_PREFIX.length).replace(/ · page \d+ of \d+$/, '');
  const parsed = parseSlashLine(line);
  if (!commandSpec(parsed.command) || parsed.stray !== undefined) return null;
  return { command: parsed.command, options: parsed.options as PagedQuery['options'] };
}

export function pageButtonId(page: number, digest: string): string {
  return `${PREFIX}:${page}:${digest}`;
}

/** Reads a page button's custom id; null if it is not a page button. */
export function readPageButton(customId: string): { page: number; digest: string } | null {
  const m = /^cb:page:(\d{1,6}):([\w-]{1,40})(?::[bm])?$/.exec(customId);
  return m ? { page: Number(m[1]), digest: m[2] as string } : null;
}
