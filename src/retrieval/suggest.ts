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

/** Cached lower-case title words per article. */
const titleWords = new WeakMap<Article, { title: string; id: string; words: string[] }>();

function keysOf(article: Article) {
  let keys = titleWords.get(article);
  if (!keys) {
    const title = normalise(article.meta.title);
    keys = { title, id: normalise(article.id), words: title.split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
    titleWords.set(article, keys);
  }
  return keys;
}

/**
 * Articles whose title or id matches what was typed: whole-title prefix first, then every typed
 * word a prefix of some title word, then substring. Empty input lists the newest articles.
 *
 * @example
 * suggestArticles(articles, 'heg nato') // [{ name: 'Hegseth excludes NATO … (CNN, 2025-02-12)', value: 'cnn-…' }]
 */
export function suggestArticles(articles: readonly Article[], typed: string): Choice[] {
  const query = normalise(typed.trim());
  const typedWords = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const scored: { article: Article; score: number }[] = [];
  for (const article of articles) {
    const keys = keysOf(article);
    let score = 0;
    if (query === '') score = 1;
    else if (keys.title.startsWith(query) || keys.id.startsWith(query)) score = 4;
    else if (typedWords.length > 0 && typedWords.every((w) => keys.words.some((k) => k.startsWith(w))))
      score = 3;
    else if (keys.title.includes(query) || keys.id.includes(query)) score = 2;
    if (score > 0) scored.push({ article, score });
  }
  scored.sort((a, b) => b.score - a.score || newer(a.article, b.article));
  return scored.slice(0, MAX_CHOICES).map(({ article }) => ({
    name: clip(labelOf(article)),
    value: clip(article.id),
  }));
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
