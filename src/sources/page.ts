/**
 * A fetched web page → the text of an article file (CONTRACT §2): YAML front matter (title, source,
 * url, published, authors) and the body, one paragraph per line with blank lines between, figure
 * captions last as `![caption]()` lines (the layout reads those as captions).
 */
import { stringify } from 'yaml';
import { decodeBody } from './charset.js';
import { SourceError } from './errors.js';
import type { Extraction } from './extract.js';
import { extractInWorker } from './extractPool.js';
import { type FetchOptions, fetchText, MAX_BYTES } from './fetch.js';

export interface PageArticle {
  extraction: Extraction;
  /** The article file's full text, ready to write. */
  text: string;
  /** The address finally fetched, after redirects (`file:///<name>` for an uploaded file). */
  url: string;
}

/**
 * Fetches `url` safely and extracts its article (off the main thread).
 * Throws SourceError (see fetchText and extractArticle); a 304 cannot happen (no validators sent).
 */
export async function fetchArticle(
  url: string,
  options: Omit<FetchOptions, 'accept' | 'etag' | 'lastModified'> & { extractTimeoutMs?: number } = {},
): Promise<PageArticle> {
  const { extractTimeoutMs, ...fetchOptions } = options;
  const page = await fetchText(url, { ...fetchOptions, accept: 'page' });
  if (page.status !== 'ok') throw new Error('unexpected 304 without validators');
  const extraction = await extractInWorker(page.text, page.url, page.contentType, {
    timeoutMs: extractTimeoutMs,
  });
  return { extraction, text: articleFileText(extraction), url: page.url };
}

/**
 * Extracts the article of an HTML page that did not come from the fetcher (an uploaded `.html` or
 * `.htm` file): bytes are decoded by their `<meta charset>` (else UTF-8 or windows-1252). `name`
 * only gives relative links a base (`file:///<name>`); it is never taken as the page's address.
 */
export async function articleFromHtml(
  html: Uint8Array | string,
  name = 'page.html',
  options: { timeoutMs?: number } = {},
): Promise<PageArticle> {
  if (typeof html !== 'string' && html.byteLength > MAX_BYTES) {
    throw new SourceError('bad-input', 'The file is larger than 5 MiB.');
  }
  const text = typeof html === 'string' ? html : decodeBody(html, null).text;
  const url = new URL(`file:///${encodeURIComponent(name)}`).href;
  const extraction = await extractInWorker(text, url, 'text/html', options);
  return { extraction, text: articleFileText(extraction), url };
}

/** The article file for an extraction. */
export function articleFileText(x: Extraction): string {
  const meta: Record<string, unknown> = { title: x.title };
  if (x.site) meta.source = x.site;
  if (x.canonicalUrl) meta.url = x.canonicalUrl;
  if (x.published) meta.published = x.published;
  if (x.authors.length > 0) meta.authors = x.authors;
  const front = stringify(meta, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  const body = x.paragraphs.map(bodyLine).filter(Boolean);
  const captions = (x.captions ?? []).map((c) => `![${bodyLine(c).replace(/[[\]]/g, '')}]()`);
  return `---\n${front}---\n${[...body, ...captions].join('\n\n')}\n`;
}

/** A suggested article id: the date and the title's first words, e.g. `2025-02-12-hegseth-excludes-nato`. */
export function suggestedId(x: Extraction): string {
  const slug = x.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return [x.published, slug || 'article'].filter(Boolean).join('-');
}

/**
 * One paragraph as one line, with nothing the layout would read as markup: a leading `#` (heading),
 * a rule, an image line, or a `---` that could close front matter.
 */
function bodyLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:#+\s+|[-*_]{3,}\s*$|!\[)/, (m) => (m.startsWith('!') ? '[' : ''));
}
