/**
 * Feeds (CONTRACT §6): RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, parsed by feedsmith from text we
 * fetched (it never fetches by itself), into items newest first; and a conditional fetch of a feed.
 */
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { SourceError } from './errors.js';
import { type FetchOptions, fetchText } from './fetch.js';

export interface FeedItem {
  /** The item's page, absolute http(s). */
  url: string;
  title: string | null;
  /** ISO date-time, or null when the item has no date. */
  published: string | null;
  /** The item's guid / id, else its URL. */
  id: string;
}

export interface Feed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title: string | null;
  /** Newest first; undated items after dated ones, in feed order. */
  items: FeedItem[];
}

type Loose = Record<string, unknown> | undefined;

const NOT_A_FEED = 'That address is not an RSS, Atom or JSON feed.';

/** Parses feed text fetched from `feedUrl` (relative item links resolve against it). */
export function parseFeed(text: string, feedUrl: string): Feed {
  let parsed: { format: Feed['format']; feed: unknown };
  try {
    parsed = parseAnyFeed(text.replace(/^\uFEFF/, '')) as typeof parsed;
  } catch (error) {
    throw new SourceError('bad-input', NOT_A_FEED, { cause: error });
  }
  const feed = parsed.feed as Record<string, unknown>;
  const raw = ((parsed.format === 'atom' ? feed.entries : feed.items) ?? []) as Loose[];
  const base = safeUrl(str(feed.link) ?? '', feedUrl) ?? feedUrl;
  const items: FeedItem[] = [];
  for (const item of raw) {
    const one = readItem(parsed.format, item ?? {}, feedUrl, base);
    if (one) items.push(one);
  }
  const time = (i: FeedItem) => (i.published ? Date.parse(i.published) : Number.NEGATIVE_INFINITY);
  items.sort((a, b) => time(b) - time(a));
  return { format: parsed.format, title: plainText(feed.title), items };
}

function readItem(
  format: Feed['format'],
  item: Record<string, unknown>,
  feedUrl: string,
  base: string,
): FeedItem | null {
  let link: string | undefined;
  let id: string | undefined;
  let dates: unknown[];
  if (format === 'atom') {
    const links = (item.links ?? []) as { href?: string; rel?: string }[];
    link = (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
    id = str(item.id);
    dates = [item.published, item.updated];
  } else if (format === 'json') {
    link = str(item.url) ?? str(item.external_url);
    id = str(item.id);
    dates = [item.date_published, item.date_modified];
  } else {
    const guid = item.guid as Loose;
    link = str(item.link) ?? (guid?.isPermaLink !== false ? str(guid?.value) : undefined);
    id = str(guid?.value) ?? str((item.rdf as Loose)?.about);
    dates = [
      item.pubDate,
      ...(((item.dc as Loose)?.dates as unknown[]) ?? []),
      (item.atom as Loose)?.updated,
    ];
  }
  const url = link ? (safeUrl(link, base) ?? safeUrl(link, feedUrl)) : null;
  if (!url) return null;
  return { url, title: plainText(item.title), published: firstDate(dates), id: id ?? url };
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

/** A title: plain string or an Atom text construct; markup stripped, whitespace collapsed. */
function plainText(value: unknown): string | null {
  const raw = typeof value === 'object' && value ? str((value as Loose)?.value) : str(value);
  const plain = raw
    ?.replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain || null;
}

function firstDate(values: unknown[]): string | null {
  for (const v of values) {
    const s = v instanceof Date ? v.toISOString() : str(v);
    const t = s ? Date.parse(s) : Number.NaN;
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

function safeUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** How many of a feed's items a new subscription takes (CONTRACT §6: its 20 newest). */
export const FIRST_ITEMS = 20;

/**
 * The items not yet seen (neither their id nor their URL is in `seen`), newest first, at most
 * `limit`; the same URL twice in one feed counts once.
 */
export function newItems(feed: Feed, seen: ReadonlySet<string>, limit = FIRST_ITEMS): FeedItem[] {
  const out: FeedItem[] = [];
  const urls = new Set<string>();
  for (const item of feed.items) {
    if (out.length >= limit) break;
    if (seen.has(item.id) || seen.has(item.url) || urls.has(item.url)) continue;
    urls.add(item.url);
    out.push(item);
  }
  return out;
}

export type FeedFetch =
  | { status: 'ok'; url: string; feed: Feed; etag: string | null; lastModified: string | null }
  | { status: 'not-modified'; url: string; etag: string | null; lastModified: string | null };

/**
 * Fetches and parses a feed, sending the validators of the last poll; a 304 is `not-modified`.
 * Throws SourceError as fetchText does, and `bad-input` for text that is no feed.
 */
export async function fetchFeed(url: string, options: Omit<FetchOptions, 'accept'> = {}): Promise<FeedFetch> {
  const result = await fetchText(url, { ...options, accept: 'feed' });
  if (result.status === 'not-modified') return result;
  const { etag, lastModified } = result;
  return { status: 'ok', url: result.url, feed: parseFeed(result.text, result.url), etag, lastModified };
}
