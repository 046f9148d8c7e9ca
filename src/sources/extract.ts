/**
 * Article extraction (CONTRACT §6): Mozilla Readability over a linkedom DOM, plus page metadata,
 * turned into plain-text paragraphs without navigation, ads, share buttons or related links.
 * This runs on the calling thread; `extractInWorker` (extractPool.ts) runs it off the event loop.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { htmlBlocks } from './blocks.js';
import { cleanParagraphs } from './clean.js';
import { parseDocument } from './dom.js';
import { SourceError } from './errors.js';
import { isoDate, readMetadata, splitNames } from './metadata.js';
import { flattenDeepMarkup, nestsDeeperThan } from './nesting.js';

export interface Extraction {
  title: string;
  /** The site's name (og:site_name, JSON-LD publisher), else the host name; null for neither (a local file). */
  site: string | null;
  authors: string[];
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** The canonical link, else the http(s) address fetched; null for neither (a local file). */
  canonicalUrl: string | null;
  /** The body: one plain-text paragraph each. */
  paragraphs: string[];
  /** Figure captions, where the page has them. */
  captions?: string[];
}

/** Fewer words than this is not an article (a login form, an error page, a teaser). */
export const MIN_WORDS = 80;
/** The same, for a page that `isProbablyReaderable` doubts. */
export const MIN_WORDS_DOUBTFUL = 150;

const NO_ARTICLE = 'No article text was found on that page.';

const wordCount = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

/**
 * Extracts the article of an HTML page fetched from `url` (for a local file, any URL such as a
 * `file:` one: relative links resolve against it, and it is never taken as the canonical address).
 * Markup nested deeper than MAX_DEPTH is flattened first (see nesting.ts).
 * Throws {@link SourceError} `bad-input` when there is no article text.
 */
export function extractArticle(html: string, url: string): Extraction {
  const doc = parseDocument(nestsDeeperThan(html) ? flattenDeepMarkup(html) : html);
  const meta = readMetadata(doc, url);
  // Readability reads a document it may change; the readerability check and metadata come first.
  const readerable = isProbablyReaderable(doc as never);
  const parsed = new Readability(doc as never).parse();
  if (!parsed?.content) throw new SourceError('bad-input', NO_ARTICLE);
  const blocks = htmlBlocks(parsed.content);
  const paragraphs = cleanParagraphs(blocks.paragraphs);
  // A page Readability's quick check doubts must show more text to count as an article.
  if (wordCount(paragraphs) < (readerable ? MIN_WORDS : MIN_WORDS_DOUBTFUL)) {
    throw new SourceError('bad-input', NO_ARTICLE);
  }
  const title = clean(parsed.title) || meta.title || paragraphs[0]?.slice(0, 120) || url;
  const authors = meta.authors.length > 0 ? meta.authors : bylineNames(parsed.byline);
  const captions = [...new Set(blocks.captions)];
  return {
    title,
    site: clean(parsed.siteName) || meta.site || hostOf(url),
    authors,
    published: meta.published ?? isoDate(parsed.publishedTime),
    canonicalUrl: meta.canonicalUrl ?? webUrl(url),
    paragraphs,
    ...(captions.length > 0 ? { captions } : {}),
  };
}

/** Extracts an article from a plain-text page: paragraphs split at blank lines, the first short one the title. */
export function extractText(text: string, url: string): Extraction {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const first = blocks[0] ?? '';
  const titled = blocks.length > 1 && first.length <= 150 && !/[.!?]$/.test(first);
  const paragraphs = titled ? blocks.slice(1) : blocks;
  if (wordCount(paragraphs) < MIN_WORDS) throw new SourceError('bad-input', NO_ARTICLE);
  return {
    title: titled ? first : (paragraphs[0] ?? '').split(/(?<=[.!?])\s/)[0]?.slice(0, 120) || url,
    site: hostOf(url),
    authors: [],
    published: null,
    canonicalUrl: webUrl(url),
    paragraphs,
  };
}

const CREDENTIAL = /^(?:MA|MS|MD|PhD|MPH|RN|DO|MBA|JD|Esq\.?)$/i;

/** Names in a byline such as "By Ann Lee and Bo Chan, MA\n March 11, 2015". */
function bylineNames(byline: string | null | undefined): string[] {
  const first = (byline ?? '').split(/\n/)[0]?.replace(/^\s*by\s+/i, '') ?? '';
  return splitNames(first).filter((n) => !CREDENTIAL.test(n) && !/\d{4}/.test(n) && n.split(' ').length <= 5);
}

/** `url` when it is an http(s) address, else null. */
function webUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null;
}

/** The host name of an http(s) address without `www.`, else null. */
function hostOf(url: string): string | null {
  const web = webUrl(url);
  return web ? new URL(web).hostname.replace(/^www\./, '') || null : null;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
