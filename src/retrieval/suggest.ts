/**
 * Autocomplete suggestions: fast enough to never need deferring (Discord gives 3 s and no defer).
 */
import type { Article } from '../corpus/types.js';
import { normalise } from '../nlp/terms.js';

export interface Choice {
  name: string;
  value: string;
}

const MAX_CHOICES = 25;
/** Above this many matches, suggestions walk the newest-first list instead of sorting. */
const LARGE = 500;
const MAX_LENGTH = 100;

/** Lookups over one list of articles, built on first use: prefixes of titles, ids and title words. */
interface Directory {
  /** Normal-form titles and ids with their article, sorted, for whole-title prefixes. */
  keys: { key: string; index: number }[];
  /** Title words, sorted, each with the articles it appears in. */
  words: { word: string; indexes: number[] }[];
  /** Article indexes, newest first. */
  newest: number[];
  /** Each article's place in `newest`. */
  rank: Int32Array;
}

const directories = new WeakMap<readonly Article[], Directory>();
const articleKeys = new WeakMap<Article, { title: string; id: string; words: string[] }>();

/** An article's title, id and title words in normal form. */
function keysOf(article: Article) {
  let keys = articleKeys.get(article);
  if (!keys) {
    const title = normalise(article.meta.title);
    keys = { title, id: normalise(article.id), words: title.split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
    articleKeys.set(article, keys);
  }
  return keys;
}

/**
 * Builds the autocomplete lookups for a list of articles now rather than on the first keystroke
 * (a library calls it when it is assembled).
 */
export function prepareSuggestions(articles: readonly Article[]): void {
  directoryOf(articles);
}

function directoryOf(articles: readonly Article[]): Directory {
  let dir = directories.get(articles);
  if (dir) return dir;
  const keys: Directory['keys'] = [];
  const byWord = new Map<string, number[]>();
  articles.forEach((article, index) => {
    const { title, id, words: titleWords } = keysOf(article);
    keys.push({ key: title, index }, { key: id, index });
    for (const w of new Set(titleWords)) {
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
  const rank = new Int32Array(articles.length);
  newest.forEach((index, place) => {
    rank[index] = place;
  });
  dir = { keys, words, newest, rank };
  directories.set(articles, dir);
  return dir;
}

/** The bounds [from, to) of the part of a sorted list whose `key` starts with `prefix`. */
function prefixBounds<T>(list: readonly T[], key: (x: T) => string, prefix: string): [number, number] {
  const first = (atLeast: (k: string) => boolean) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (atLeast(key(list[mid] as T))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = first((k) => k >= prefix);
  const to = first((k) => k >= prefix && !k.startsWith(prefix));
  return [from, Math.max(from, to)];
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
  const byNewest = (a: number, b: number) => (dir.rank[a] ?? 0) - (dir.rank[b] ?? 0);
  let chosen: number[];
  if (query === '') chosen = dir.newest.slice(0, MAX_CHOICES);
  else {
    const [from, to] = prefixBounds(dir.keys, (k) => k.key, query);
    const wordBounds = typedWords.map((w) => prefixBounds(dir.words, (x) => x.word, w));
    // Few matches come from the lookups; many (a letter or two typed) by walking the newest
    // articles until enough are found, rather than collecting and sorting thousands.
    const walk = (test: (i: number) => boolean, skip: Set<number>) => {
      const out: number[] = [];
      for (const i of dir.newest) {
        if (!skip.has(i) && test(i)) out.push(i);
        if (out.length >= MAX_CHOICES) break;
      }
      return out;
    };
    const whole =
      to - from > LARGE
        ? walk((i) => {
            const keys = keysOf(articles[i] as Article);
            return keys.title.startsWith(query) || keys.id.startsWith(query);
          }, new Set())
        : [...new Set(dir.keys.slice(from, to).map((k) => k.index))].sort(byNewest);
    const taken = new Set(whole);
    let rest: number[] = [];
    if (whole.length < MAX_CHOICES && typedWords.length > 0) {
      // How many articles a word prefix reaches (the words in its range, with their articles).
      const reach = ([a, b]: [number, number]) => {
        let n = 0;
        for (let k = a; k < b && n <= LARGE; k++) n += dir.words[k]?.indexes.length ?? 0;
        return n;
      };
      if (wordBounds.some((bounds) => reach(bounds) > LARGE)) {
        rest = walk((i) => {
          const keys = keysOf(articles[i] as Article);
          return typedWords.every((w) => keys.words.some((k) => k.startsWith(w)));
        }, taken);
      } else {
        let byWords: Set<number> | undefined;
        for (const [a, b] of wordBounds) {
          const hits = new Set(dir.words.slice(a, b).flatMap((x) => x.indexes));
          const previous: Set<number> | undefined = byWords;
          byWords = previous === undefined ? hits : new Set([...previous].filter((i: number) => hits.has(i)));
        }
        rest = [...(byWords ?? [])].filter((i) => !taken.has(i)).sort(byNewest);
      }
    }
    chosen = [...whole, ...rest];
    chosen = chosen.slice(0, MAX_CHOICES);
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
