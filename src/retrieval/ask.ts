/**
 * Ranks sentences as answers to a question: BM25 relevance, scaled by how much of the question a
 * sentence covers, and by whether it holds the kind of thing asked for (a person for "who", a date
 * for "when", a number for "how much").
 */
import { Features, type Sentence } from '../corpus/types.js';
import { isStopWord, words } from '../nlp/terms.js';
import { questionSubjects } from './subject.js';
import { searchBounded, type TextIndex } from './textIndex.js';

export type AnswerType = 'person' | 'date' | 'number' | 'money' | 'percent';

/**
 * The kind of answer a question asks for, if it says.
 *
 * @example
 * answerType('Who will not discuss the exchange?') // 'person'
 * answerType('How much money is left?') // 'money'
 */
export function answerType(question: string): AnswerType | null {
  const q = question.toLowerCase();
  if (/\b(?:percent(?:age)?|per cent|share of|proportion)\b|%/.test(q)) return 'percent';
  if (
    /\bhow much\b.*\b(?:money|cost|costs|spend|spent|pay|paid|fund|funds|funding|worth|price|budget|aid)\b|\bwhat (?:price|sum)\b|\$|€|£/.test(
      q,
    )
  ) {
    return 'money';
  }
  if (
    /\bhow (?:much|many|big|large|high|low|long|far|old|often)\b|\bwhat (?:number|amount|figure|total)\b/.test(
      q,
    )
  ) {
    return 'number';
  }
  if (/\bwhen\b|\bwhat (?:date|day|time|year|month)\b|\bwhich (?:day|year|month|date)\b|\bhow soon\b/.test(q))
    return 'date';
  if (
    /^\W*(?:who|whom|whose)\b|\bwho (?:is|was|said|says|will|would|did|does|has|had)\b|\bwhich (?:person|official|minister|leader|politician)\b/.test(
      q,
    )
  ) {
    return 'person';
  }
  return null;
}

const FEATURE_FOR: Record<AnswerType, number> = {
  person: Features.person,
  date: Features.date,
  number: Features.number | Features.money | Features.percent,
  money: Features.money,
  percent: Features.percent,
};

/**
 * Words of a question that name the kind of answer rather than what it is about: "How much
 * *money* is left?" is answered by "$4 billion", which never says "money". A sentence holding that
 * kind of answer counts as containing them.
 */
// biome-ignore format: a word list reads best packed
const TYPE_WORDS: Record<AnswerType, ReadonlySet<string>> = {
  money: new Set(['money', 'cash', 'fund', 'funds', 'funding', 'cost', 'costs', 'price', 'prices', 'budget',
    'dollars', 'euros', 'pounds', 'sum', 'amount', 'spend', 'spent', 'spending', 'worth', 'pay', 'paid']),
  number: new Set(['number', 'numbers', 'amount', 'figure', 'figures', 'total', 'count', 'many', 'much']),
  percent: new Set(['percent', 'percentage', 'share', 'proportion', 'rate']),
  date: new Set(['date', 'day', 'time', 'year', 'month', 'soon']),
  person: new Set(['person', 'people', 'official', 'officials']),
};

export interface RankedSentence {
  sentence: Sentence;
  score: number;
  /** Share of the question's content words the sentence contains, 0–1. */
  coverage: number;
}

export interface AskOptions {
  filter?: (sentence: Sentence) => boolean;
  /** Sentences to prefer, e.g. what a person named in the question said. */
  prefer?: (sentence: Sentence) => boolean;
  limit: number;
}

/** A sentence must contain at least this share of the question's content words to answer it. */
export const MIN_COVERAGE = 0.5;
/** A question about what someone said or did: "What did X say / promise / want …?" */
const ASKS_WHAT_WAS_SAID = /^\W*what\s+(?:did|does|do|has|have|had|will|would)\b/i;
/** Weight of a preferred sentence. */
const PREFERRED = 1.5;

/** Weight of a sentence that holds the kind of answer asked for. */
const TYPE_BONUS = 1.5;
/** Captions repeat the story in brief; prefer the story's own sentences. */
const CAPTION_WEIGHT = 0.8;

/** Sentences that answer `question`, best first. */
export function rankSentences(
  index: TextIndex,
  sentences: readonly Sentence[],
  question: string,
  options: AskOptions,
): RankedSentence[] {
  const wanted = answerType(question);
  const filter = options.filter;
  // The question's words that name the kind of answer (see TYPE_WORDS), by stem.
  const typeWords = wanted
    ? new Set(
        words(question)
          .filter((w) => !isStopWord(w) && TYPE_WORDS[wanted].has(w.plain))
          .map((w) => w.stem),
      )
    : new Set<string>();
  // "What did British officials promise?": what the subject's people said holds the subject.
  const asksWhatWasSaid = options.prefer !== undefined && ASKS_WHAT_WAS_SAID.test(question);
  const subjectWords = new Set(
    asksWhatWasSaid
      ? questionSubjects(question).flatMap((s) =>
          words(s)
            .filter((w) => !isStopWord(w))
            .map((w) => w.stem),
        )
      : [],
  );
  // A sentence with the kind of answer asked for holds the words that ask for it, and a
  // statement by the subject's people holds the subject (the sets made once, not per hit).
  const givenFor = [
    new Set<string>(),
    typeWords,
    subjectWords,
    new Set([...typeWords, ...subjectWords]),
  ] as const;
  // Hits in the order of their score times the most coverage they can have (every word that a
  // sentence may be granted counted as found).
  const granted = givenFor[3].size;
  const reach = (matched: number, queryWords: number) =>
    queryWords > 0 ? Math.min(1, (matched + granted) / queryWords) : 0;
  const hits = index.ranked(question, {
    ...(filter ? { filter: (id: number) => filter(sentences[id] as Sentence) } : {}),
    weigh: reach,
  });
  // "What did the UK promise?" asks for what its people said: their statements come first.
  const first = asksWhatWasSaid && options.prefer ? options.prefer : () => false;
  const tier = (r: RankedSentence) => (first(r.sentence) ? 0 : 1);
  const order = (a: RankedSentence, b: RankedSentence) =>
    tier(a) - tier(b) || b.score - a.score || a.sentence.id - b.sentence.id;
  // A sentence weighs at most its hit's score times that coverage and every bonus: once that is
  // below the last of the best `limit` so far, no later hit can enter them. (A tier above score,
  // when there is one, could still bring a weaker hit in: then every hit is read.) The bound is
  // multiplied in the same steps as a score, so rounding cannot put a score above it.
  const most = (score: number) => {
    let bound = score;
    if (options.prefer) bound *= PREFERRED;
    if (wanted) bound *= TYPE_BONUS;
    return bound;
  };
  const stopEarly = searchBounded() && !(asksWhatWasSaid && options.prefer);
  const best: RankedSentence[] = [];
  const ranked: RankedSentence[] = [];
  for (let hit = hits.next(); hit; hit = hits.next()) {
    const worst = best.length >= options.limit ? best[best.length - 1] : undefined;
    if (stopEarly && worst && most(hit.score * reach(hit.matched, hit.queryWords)) < worst.score) break;
    const sentence = sentences[hit.id];
    if (!sentence) continue;
    const typed = wanted !== null && (sentence.features & FEATURE_FOR[wanted]) !== 0;
    const preferred = options.prefer?.(sentence) === true;
    const given = givenFor[(typed ? 1 : 0) + (preferred ? 2 : 0)] as ReadonlySet<string>;
    let satisfied = 0;
    if (given.size > 0) {
      const stems = new Set(words(sentence.text).map((w) => w.stem));
      for (const t of given) if (!stems.has(t)) satisfied++;
    }
    const coverage = hit.queryWords > 0 ? Math.min(1, (hit.matched + satisfied) / hit.queryWords) : 0;
    if (coverage < MIN_COVERAGE) continue;
    let score = hit.score * coverage;
    if (preferred) score *= PREFERRED;
    if (typed) score *= TYPE_BONUS;
    if (sentence.kind === 'caption') score *= CAPTION_WEIGHT;
    const r = { sentence, score, coverage };
    ranked.push(r);
    if (stopEarly && options.limit > 0 && (!worst || order(r, worst) < 0)) {
      // The best `limit` so far, in order (a short list: an insertion keeps it sorted).
      let at = best.length;
      while (at > 0 && order(r, best[at - 1] as RankedSentence) < 0) at--;
      best.splice(at, 0, r);
      if (best.length > options.limit) best.pop();
    }
  }
  ranked.sort(order);
  return ranked.slice(0, options.limit);
}
