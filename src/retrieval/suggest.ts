/**
 * Autocomplete suggestions: fast enough to never need deferring (Discord gives 3 s and no defer).
 */
import type { Article } from '../corpus/types.js';
import { normalise } from './terms.js';

export interface Choice {
  name: string;
  value: string;
}

const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

/** Lookups over one list of articles, built on first use: prefixes of titles, ids and title words. */
interface Directory {
  /** Normal-form titles and ids with their article, sorted, for whole-title prefixes. */
  keys: { key: string; index: number }[];
  /** Title words, sorted, each with the articles it appears in. */
  words: { word: string; indexes: number[] }[];
  /** Article indexes, newest first. */
  newest: number[];
}

const directories = new WeakMap<readonly Article[], Directory>();

function directoryOf(articles: readonly Article[]): Directory {
  let dir = directories.get(articles);
  if (dir) return dir;
  const keys: Directory['keys'] = [];
  const byWord = new Map<string, number[]>();
  articles.forEach((article, index) => {
    const title = normalise(article.meta.title);
    keys.push({ key: title, index }, { key: normalise(article.id), index });
    for (const w of new Set(title.split(/[^\p{L}\p{N}]+/u).filter(Boolean))) {
      const list = byWord.get(w) ?? [];
      list.push(index);
      byWord.set(w, list);
    }
  });
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const words = [...byWord]
    .map(([word, indexes]) => ({ word, indexes }))
    .sort((a, b) => (a.word < b.word ? -1 : 1));
  const newest = articles
    .map((_, i) => i)
    .sort((a, b) => newer(articles[a] as Article, articles[b] as Article));
  dir = { keys, words, newest };
  directories.set(articles, dir);
  return dir;
}

/** The range of a sorted list whose `key` starts with `prefix`. */
function prefixRange<T>(list: readonly T[], key: (x: T) => string, prefix: string): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid] as T) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && key(list[i] as T).startsWith(prefix); i++) out.push(list[i] as T);
  return out;
}

/**
 * Articles whose title or id matches what was typed: whole-title (or id) prefix first, then every
 * typed word a prefix of some title word; newest first within each. Empty input lists the newest.
 *
 * @example
 * suggestArticles(articles, 'heg nato') // [{ name: 'Hegseth excludes NATO … (CNN, 2025-02-12)', value: 'cnn-…' }]
 */
export function suggestArticles(articles: readonly Article[], typed: string): Choice[] {
  const dir = directoryOf(articles);
  const query = normalise(typed.trim());
  const typedWords = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const order = new Map(dir.newest.map((index, rank) => [index, rank]));
  const byNewest = (a: number, b: number) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  let chosen: number[];
  if (query === '') chosen = dir.newest.slice(0, MAX_CHOICES);
  else {
    const whole = [...new Set(prefixRange(dir.keys, (k) => k.key, query).map((k) => k.index))].sort(byNewest);
    let byWords: Set<number> | undefined;
    for (const w of typedWords) {
      const hits = new Set(prefixRange(dir.words, (x) => x.word, w).flatMap((x) => x.indexes));
      const previous: Set<number> | undefined = byWords;
      byWords = previous === undefined ? hits : new Set([...previous].filter((i: number) => hits.has(i)));
    }
    const wholeSet = new Set(whole);
    const rest = [...(byWords ?? [])].filter((i) => !wholeSet.has(i)).sort(byNewest);
    chosen = [...whole, ...rest].slice(0, MAX_CHOICES);
  }
  return chosen.map((index) => {
    const article = articles[index] as Article;
    return { name: clip(labelOf(article)), value: clip(article.id) };
  });
}

function newer(a: Article, b: Article): number {
  const da = a.meta.published ?? '';
  const db = b.meta.published ?? '';
  return da < db ? 1 : da > db ? -1 : a.id < b.id ? -1 : 1;
}

function labelOf(article: Article): string {
  const meta = [article.meta.source, article.meta.published].filter(Boolean).join(', ');
  const suffix = meta ? ` (${meta})` : '';
  const title = article.meta.title.replace(/\s+/g, ' ').trim() || article.id;
  return title.length + suffix.length <= MAX_LENGTH
    ? title + suffix
    : `${title.slice(0, MAX_LENGTH - suffix.length - 1).trimEnd()}…${suffix}`;
}

/** At most 100 characters, never ending in half a surrogate pair, never empty. */
export function clip(text: string): string {
  let out = text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out.length > 0 ? out : '?';
}
