/**
 * Extractive summaries: the sentences that best cover an article, in article order.
 *
 * News puts the essentials first, so a plain summary starts from the lead: the first sentences that
 * can stand alone (see ./context.ts: no glued captions, no quotation without its speaker, no
 * "He added …" without the sentence before it). A later sentence replaces a lead sentence only on
 * clear evidence: a content score (cosine to the article's TF-IDF centroid, words shared with the
 * title, divided by a gentle length penalty) REPLACE_MARGIN times the weakest lead sentence's.
 * A focused summary weighs relevance to the focus with position and picks by maximal marginal
 * relevance. Near-duplicates are skipped either way.
 */
import type { Sentence } from '../corpus/types.js';
import { isStopWord, words } from '../nlp/terms.js';
import { readings } from './context.js';

export interface SummaryOptions {
  /** How many sentences (at most). */
  count: number;
  /** The article's title, whose words lift the sentences that share them. */
  title?: string | null;
  /**
   * Relevance of a sentence to a focus topic (0 when unrelated); with it, only relevant sentences
   * are chosen and relevance weighs in.
   */
  focus?: (sentence: Sentence) => number;
}

type Vector = Map<string, number>;

/** Position prior: the i-th candidate (from 0) weighs 1 / (i + 1)^POSITION_DECAY. */
const POSITION_DECAY = 1;
/** Sentences longer than this many words are penalised, gently. */
const LONG_SENTENCE = 35;
/** Weight of sharing words with the title. */
const TITLE_WEIGHT = 0.5;
/** In a focused summary, a sentence that leans on one not chosen weighs this much. */
const DANGLING_WEIGHT = 0.6;
/**
 * A later sentence replaces a lead sentence only when its content score (centrality, title words,
 * length; no position) is this many times the weakest lead sentence's: clear evidence only.
 */
const REPLACE_MARGIN = 3;
/** MMR balance between score and novelty. */
const MMR_LAMBDA = 0.75;
/** Sentences at least this similar to a chosen one are near-duplicates. */
const DUPLICATE_SIMILARITY = 0.65;
/** Shortest sentence worth choosing, in words. */
const MIN_WORDS = 6;

function stems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map((w) => w.stem);
}

function termFrequencies(terms: string[]): Vector {
  const tf: Vector = new Map();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export interface Scored {
  sentence: Sentence;
  score: number;
  /** The score without the position prior: what the sentence says, not where it stands. */
  content: number;
  vector: Vector;
  /** Needs the story sentence before it (its id here; -1 when there is none). */
  leansOn: number | null;
}

/** What scoring needs of one article's sentences whatever the focus: computed once per article. */
interface Analysis {
  candidates: Sentence[];
  /** Each candidate's place among the article's story sentences. */
  places: number[];
  vectors: Vector[];
  /** Centrality, title words and length: the content score before any focus. */
  contents: number[];
  leansOn: (number | null)[];
}

/**
 * Analyses by sentence list, then by title. An article's sentences never change once ingested (a
 * changed article is a new object), so the analysis of the same list is the same; held weakly, it
 * goes with the article. A burst of /summary on one article paid the full analysis each time.
 */
const analyses = new WeakMap<readonly Sentence[], Map<string, Analysis>>();

function analyse(sentences: readonly Sentence[], titleText: string | null | undefined): Analysis {
  const key = titleText ?? '';
  let byTitle = analyses.get(sentences);
  const known = byTitle?.get(key);
  if (known) return known;
  const all = sentences.filter((s) => s.kind === 'sentence');
  const reading = readings(sentences);
  const termsOf = new Map(all.map((s) => [s, words(s.text)]));
  let candidates = all.filter(
    (s) => reading.get(s.id)?.standing !== 'never' && (termsOf.get(s)?.length ?? 0) >= MIN_WORDS,
  );
  if (candidates.length === 0) candidates = all;
  const termLists = candidates.map((s) =>
    (termsOf.get(s) ?? []).filter((w) => !isStopWord(w)).map((w) => w.stem),
  );
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const vectors = termLists.map((terms) => {
    const v: Vector = new Map();
    for (const [t, f] of termFrequencies(terms)) v.set(t, f * idf(t));
    return v;
  });
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const title: Vector = titleText ? termFrequencies(stems(titleText)) : new Map();
  const placeOf = new Map(all.map((s, k) => [s, k]));
  const analysis: Analysis = {
    candidates,
    places: candidates.map((s, i) => placeOf.get(s) ?? i),
    vectors,
    contents: vectors.map((vector, i) => {
      const lengthPenalty = Math.sqrt(Math.max(1, (termLists[i]?.length ?? 0) / LONG_SENTENCE));
      const titleBoost = 1 + TITLE_WEIGHT * cosine(vector, title);
      return (cosine(vector, centroid) * titleBoost) / lengthPenalty;
    }),
    leansOn: candidates.map((s) => reading.get(s.id)?.leansOn ?? null),
  };
  if (!byTitle) {
    byTitle = new Map();
    analyses.set(sentences, byTitle);
  }
  byTitle.set(key, analysis);
  return analysis;
}

/** Scores the candidate sentences of one article (captions and fragments are not candidates). */
export function scoreSentences(
  sentences: readonly Sentence[],
  options: Omit<SummaryOptions, 'count'>,
): Scored[] {
  const { candidates, places, vectors, contents, leansOn } = analyse(sentences, options.title);
  return candidates.map((sentence, i) => {
    // With a focus, what a sentence says matters more than where it stands.
    const position = 1 / ((places[i] as number) + 1) ** (options.focus ? POSITION_DECAY / 2 : POSITION_DECAY);
    let content = contents[i] as number;
    if (options.focus) content *= options.focus(sentence) ** 2;
    return {
      sentence,
      score: position * content,
      content,
      vector: vectors[i] as Vector,
      leansOn: leansOn[i] ?? null,
    };
  });
}

/**
 * Picks up to `count` sentences by maximal marginal relevance, skipping near-duplicates.
 * Returns them in the order given (article order for one article).
 */
export function selectSentences(scored: readonly Scored[], count: number): Scored[] {
  const pool = scored.filter((s) => s.score > 0);
  const top = Math.max(...pool.map((s) => s.score), 0);
  const chosen: Scored[] = [];
  while (chosen.length < count && pool.length > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((candidate, i) => {
      const similarity = Math.max(0, ...chosen.map((c) => cosine(candidate.vector, c.vector)));
      if (similarity >= DUPLICATE_SIMILARITY) return;
      // "He added …" reads right only after the sentence it leans on.
      const context = candidate.leansOn === null || chosen.some((c) => c.sentence.id === candidate.leansOn);
      const score = context ? candidate.score : candidate.score * DANGLING_WEIGHT;
      const value = MMR_LAMBDA * (score / (top || 1)) - (1 - MMR_LAMBDA) * similarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    chosen.push(pool.splice(best, 1)[0] as Scored);
  }
  const order = new Map(scored.map((s, i) => [s, i]));
  return chosen.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * Lead first: the first `count` candidates that read in place, then a later sentence replaces the
 * weakest of them only when it says clearly more (content score MARGIN times as high).
 */
export function selectLeadFirst(scored: readonly Scored[], count: number): Scored[] {
  const pool = scored.filter((s) => s.score > 0);
  const isDuplicate = (c: Scored, chosen: Scored[]) =>
    chosen.some((x) => x !== c && cosine(c.vector, x.vector) >= DUPLICATE_SIMILARITY);
  const reads = (c: Scored, chosen: Scored[]) =>
    c.leansOn === null || chosen.some((x) => x.sentence.id === c.leansOn);
  const chosen: Scored[] = [];
  for (const c of pool) {
    if (chosen.length >= count) break;
    if (reads(c, chosen) && !isDuplicate(c, chosen)) chosen.push(c);
  }
  const rest = pool
    .filter((c) => !chosen.includes(c) && c.leansOn === null)
    .sort((a, b) => b.content - a.content);
  for (const c of rest) {
    const replaceable = chosen.filter((x, i) => i > 0 && !chosen.some((y) => y.leansOn === x.sentence.id));
    if (replaceable.length === 0) break;
    const weakest = replaceable.reduce((a, b) => (b.content < a.content ? b : a));
    if (c.content <= REPLACE_MARGIN * weakest.content) break;
    const without = chosen.filter((x) => x !== weakest);
    if (isDuplicate(c, without)) continue;
    chosen.splice(chosen.indexOf(weakest), 1, c);
  }
  const order = new Map(scored.map((s, i) => [s, i]));
  return chosen.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * The sentences of a summary: lead first for a plain summary (news puts the essentials first), by
 * relevance for a focused one.
 */
export function chooseSentences(scored: readonly Scored[], count: number, focused: boolean): Scored[] {
  return focused ? selectSentences(scored, count) : selectLeadFirst(scored, count);
}

/**
 * The summary of one article: up to `count` of its sentences, in article order.
 *
 * @example
 * summarize(article.sentences, { count: 3, title: article.meta.title })
 */
export function summarize(sentences: readonly Sentence[], options: SummaryOptions): Sentence[] {
  return chooseSentences(scoreSentences(sentences, options), options.count, options.focus !== undefined).map(
    (s) => s.sentence,
  );
}
