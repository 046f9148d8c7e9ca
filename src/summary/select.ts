/**
 * What `/summary` summarises: one article, optionally focused on a topic, or a topic across every
 * article (which article is the newest is decided in commands/articles.ts).
 */
import type { Article, Sentence } from '../corpus/types.js';
import type { Library } from '../library/library.js';
import { chooseSentences, type Scored, scoreSentences } from './summarize.js';

/**
 * Sentence id → relevance to `focus` in (0, 1], from the sentence index. A sentence must hold every
 * word of the focus (its stem, a near spelling, a name under a typo); when none does, the focus's
 * most specific word (the one in the fewest sentences) is required instead, so that "defence
 * spending" never answers with sentences about defence alone.
 */
function focusRelevance(library: Library, focus: string, article?: string): Map<number, number> {
  const inScope = article ? (id: number) => library.sentences[id]?.article === article : undefined;
  const hits = library.sentenceIndex.search(focus, inScope ? { filter: inScope } : {});
  const sets = library.sentenceIndex.wordSets(focus, inScope).filter((w) => w.ids.size > 0);
  const all = hits.filter((h) => sets.every((w) => w.ids.has(h.id)));
  const rarest = [...sets].sort((a, b) => a.ids.size - b.ids.size)[0];
  const required =
    all.length > 0 || sets.length === 0 ? all : hits.filter((h) => rarest?.ids.has(h.id) === true);
  const top = Math.max(...required.map((h) => h.score), 0);
  const relevance = new Map<number, number>();
  // How well it matches, times how much of the topic it covers.
  for (const h of required)
    relevance.set(h.id, top > 0 ? (h.score / top) * (h.matched / Math.max(1, h.queryWords)) : 0);
  return relevance;
}

/** Relevance as a weight: unrelated sentences are out, related ones weigh by how related. */
const weigh = (relevance: Map<number, number>) => (s: Sentence) => relevance.get(s.id) ?? 0;

/** A summary of one article, in article order. */
export function summariseArticle(
  library: Library,
  article: Article,
  count: number,
  focus?: string,
): Sentence[] {
  const relevance = focus ? focusRelevance(library, focus, article.id) : null;
  const scored = scoreSentences(article.sentences, {
    title: article.meta.title,
    ...(relevance ? { focus: weigh(relevance) } : {}),
  });
  return chooseSentences(scored, count, relevance !== null).map((s) => s.sentence);
}

/** What every article says about a topic: sentences from all of them, in sources then text order. */
export function summariseTopic(library: Library, focus: string, count: number): Sentence[] {
  const relevance = focusRelevance(library, focus);
  const articles = new Set([...relevance.keys()].map((id) => library.sentences[id]?.article));
  const pool: Scored[] = [];
  for (const article of library.articles) {
    if (!articles.has(article.id)) continue;
    pool.push(...scoreSentences(article.sentences, { title: article.meta.title, focus: weigh(relevance) }));
  }
  return chooseSentences(pool, count, true).map((s) => s.sentence);
}
