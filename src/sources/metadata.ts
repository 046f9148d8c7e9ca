/**
 * Page metadata beyond what Readability reports: meta tags (Open Graph, article:*, author,
 * Dublin Core), JSON-LD (NewsArticle and kin), `<time datetime>`, the canonical link, and a date
 * in the URL.
 */
import type { DomDocument, DomElement } from './dom.js';

export interface PageMetadata {
  title: string | null;
  site: string | null;
  authors: string[];
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  canonicalUrl: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:News|Report|Analysis|Opinion|Review|Background)?Article$|^(?:BlogPosting|LiveBlogPosting|WebPage)$/;

/** Reads the metadata of `doc`, fetched from `pageUrl`. */
export function readMetadata(doc: DomDocument, pageUrl: string): PageMetadata {
  const meta = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const pick = (...names: string[]) => {
    for (const n of names) {
      const v = meta.get(n)?.trim();
      if (v) return v;
    }
    return null;
  };
  const ldString = (v: unknown) => (typeof v === 'string' && v.trim() ? clean(v) : null);
  const title =
    ldString(ld?.headline) ?? pick('og:title', 'twitter:title', 'dc.title') ?? (clean(doc.title) || null);
  const publisher = ld?.publisher as Json | undefined;
  const site = pick('og:site_name', 'application-name') ?? ldString(publisher?.name) ?? null;
  const authors = ldAuthors(ld?.author);
  if (authors.length === 0) {
    for (const name of [
      'author',
      'article:author',
      'dc.creator',
      'parsely-author',
      'sailthru.author',
      'byl',
    ]) {
      const v = meta.get(name);
      if (v && !/^https?:/i.test(v)) authors.push(...splitNames(v.replace(/^by\s+/i, '')));
      if (authors.length > 0) break;
    }
  }
  const published =
    isoDate(ld?.datePublished) ??
    isoDate(
      pick(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'publishdate',
        'pubdate',
        'date',
        'dc.date.issued',
        'dc.date',
        'sailthru.date',
        'parsely-pub-date',
        'citation_publication_date',
      ),
    ) ??
    isoDate(timeElement(doc)) ??
    urlDate(pageUrl);
  const canonical =
    absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl) ??
    absolute(pick('og:url'), pageUrl) ??
    absolute(ldString(ld?.url), pageUrl);
  return { title, site, authors: unique(authors), published, canonicalUrl: canonical };
}

/** `<meta>` tags by lower-cased `property`, `name` or `itemprop` (the first of each wins). */
function metaTags(doc: DomDocument): Map<string, string> {
  const found = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop')
    )?.toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  return found;
}

/** The first JSON-LD object that is an article (looking into arrays and @graph). */
function jsonLdArticle(doc: DomDocument): Json | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const types = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
        if (types.some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return null;
}

function ldAuthors(value: unknown): string[] {
  const names: string[] = [];
  for (const a of ([] as unknown[]).concat(value ?? [])) {
    if (typeof a === 'string') names.push(...splitNames(a));
    else if (a && typeof a === 'object' && typeof (a as Json).name === 'string') {
      names.push(clean((a as Json).name as string));
    }
  }
  return names.filter((n) => n && !/^https?:/i.test(n));
}

/** The datetime of the article's publication `<time>`, or of the first one. */
function timeElement(doc: DomDocument): string | null {
  const preferred =
    doc.querySelector('time[itemprop="datePublished"]') ??
    doc.querySelector('time[pubdate]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  return (preferred as DomElement | null)?.getAttribute('datetime') ?? null;
}

/** YYYY-MM-DD from an ISO-like date string, or null. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (m) return validDate(m[1] as string, m[2] as string, m[3] as string);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** A date written in the URL's path: /2025/02/12/ or 2025-02-12. */
export function urlDate(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=\/|-|$|\.)/.exec(path);
  return m
    ? validDate(m[1] as string, (m[2] as string).padStart(2, '0'), (m[3] as string).padStart(2, '0'))
    : null;
}

function validDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "Ann Lee and Bo Chan", "Ann Lee, Bo Chan" → two names. */
export function splitNames(text: string): string[] {
  return clean(text)
    .split(/\s*(?:,|;|\band\b|&|\|)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1 && n.length < 80);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
