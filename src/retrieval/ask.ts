/**
 * Ranks sentences as answers to a question: BM25 relevance, scaled by how much of the question a
 * sentence covers, and by whether it holds the kind of thing asked for (a person for "who", a date
 * for "when", a number for "how much").
 */
import { Features, type Sentence } from '../corpus/types.js';
import type { TextIndex } from './textIndex.js';

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
  const hits = index.search(question, {
    ...(filter ? { filter: (id: number) => filter(sentences[id] as Sentence) } : {}),
  });
  const ranked: RankedSentence[] = [];
  for (const hit of hits) {
    const sentence = sentences[hit.id];
    if (!sentence) continue;
    const coverage = hit.queryWords > 0 ? hit.matched / hit.queryWords : 0;
    if (coverage < MIN_COVERAGE) continue;
    let score = hit.score * coverage;
    if (options.prefer?.(sentence)) score *= PREFERRED;
    if (wanted && (sentence.features & FEATURE_FOR[wanted]) !== 0) score *= TYPE_BONUS;
    if (sentence.kind === 'caption') score *= CAPTION_WEIGHT;
    ranked.push({ sentence, score, coverage });
  }
  ranked.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
  return ranked.slice(0, options.limit);
}
