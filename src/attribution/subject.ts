/** Who a sentence is about: its grammatical subject, and people it introduces by full name. */
import type { Token } from '../nlp/pipeline.js';
import { skipForward } from './gaps.js';
import {
  canSpeak,
  classify,
  isBetweenSubjectAndVerb,
  type Mention,
  phraseEndingAt,
  phraseStartingAt,
  withAppositiveTitle,
} from './mentions.js';
import { mentionEndingAt, namedByAppositive } from './speakerPhrase.js';
import { closingBracket, isComma } from './tokens.js';

/**
 * The subject of a sentence when it is someone who can speak: after any opening conjunction or
 * introductory phrase ("Late on Wednesday, the minister agreed …"), a phrase followed by a verb.
 */
export function sentenceSubject(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
): Mention | null {
  let i = 0;
  while (
    i < tokens.length &&
    (tokens[i]?.pos === 'CCONJ' ||
      tokens[i]?.pos === 'PUNCT' ||
      (tokens[i]?.pos === 'ADV' && isComma(tokens[i + 1])))
  )
    i++;
  if (i < tokens.length && inQuote((tokens[i] as Token).start)) return null;
  const direct = subjectAt(tokens, i, text);
  if (direct) return direct;
  // After an introductory phrase: "Speaking in a small town on Thursday, the premier denied …".
  for (let k = i + 1; k < Math.min(tokens.length, i + 30); k++) {
    if (!isComma(tokens[k])) continue;
    const found = subjectAt(tokens, k + 1, text);
    if (found) return found;
  }
  return null;
}

/** A speaker-like phrase at token `i` followed (after an appositive and adverbs) by a verb. */
function subjectAt(tokens: readonly Token[], i: number, text: string): Mention | null {
  const span = phraseStartingAt(tokens, i);
  if (!span) return null;
  return subjectEndingAt(tokens, span, text) ?? describedSubject(tokens, span, text);
}

/**
 * "A reporter for the Daily Courier called it …", "The head of the union said …": a phrase and
 * the one prepositional phrase after it are the subject, read as a speaker phrase before a cue
 * (the reporter, described by whom they work for).
 */
function describedSubject(tokens: readonly Token[], span: [number, number], text: string): Mention | null {
  if (!/^(?:for|of|at|with|from)$/i.test(tokens[span[1] + 1]?.text ?? '')) return null;
  const object = phraseStartingAt(tokens, span[1] + 2);
  if (!object) return null;
  const whole = subjectEndingAt(tokens, [span[0], object[1]], text);
  if (!whole) return null;
  // "The head of the union, Tom Lee, said …": the person the description names.
  if (whole.kind === 'person' && isComma(tokens[object[1] + 1])) return whole;
  const m = mentionEndingAt(tokens, object[1], text, span[0]);
  return m && m.kind !== 'pronoun' && m.start === whole.start ? m : null;
}

/** The mention `span` is, when a verb follows it (after appositives and adverbs). */
function subjectEndingAt(tokens: readonly Token[], span: [number, number], text: string): Mention | null {
  let after = stepOverAppositives(tokens, span[1] + 1);
  // Step over adverbs and time words, but an auxiliary may be the verb itself ("Roe has …").
  while (
    after < tokens.length &&
    tokens[after]?.pos !== 'AUX' &&
    isBetweenSubjectAndVerb(tokens[after] as Token)
  )
    after++;
  // "Sen. Roe (D-Ore.) on Saturday criticized …": a time or setting phrase before the verb.
  if (!isVerb(tokens[after])) {
    const skipped = skipForward(tokens, after, tokens.length - 1);
    if (skipped > after && !isComma(tokens[skipped - 1]) && isVerb(tokens[skipped])) after = skipped;
  }
  if (!isVerb(tokens[after])) return null;
  const m = classify(tokens, span[0], span[1], text);
  // "Her campaign manager, Jane Roe, said …", "Her colleague, Tom Lee, agreed": the person the
  // description names, whatever its head noun.
  return namedByAppositive(tokens, m, text) ?? (canSpeak(m) ? m : null);
}

const isVerb = (t: Token | undefined) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');

/** Most appositives stepped over after a subject, and most tokens in all of them. */
const MAX_APPOSITIVES = 4;
const MAX_APPOSITIVE_TOKENS = 45;

/**
 * The token after a subject's brackets and appositives ("Jane Roe (D-Ore.)", "Jane Roe, founder of
 * a club, a member since 1990 and a former mayor, …", "Jane Roe — a former prosecutor — …"). An
 * appositive is a part between commas (or dashes) with no verb, a relative clause, or the first
 * short part; a later part with a verb is a clause of its own, and the subject ends before it.
 */
function stepOverAppositives(tokens: readonly Token[], from: number): number {
  let after = from;
  if (tokens[after]?.text === '(') {
    const close = closingBracket(tokens, after);
    if (close > 0) after = close + 1;
  }
  for (
    let n = 0;
    n < MAX_APPOSITIVES && isComma(tokens[after]) && after - from < MAX_APPOSITIVE_TOKENS;
    n++
  ) {
    const opener = tokens[after] as Token;
    const dash = opener.text === '—' || opener.text === '–';
    const close = tokens.findIndex((t, k) => k > after && (dash ? t.text === opener.text : isComma(t)));
    if (close < 0 || close - from > MAX_APPOSITIVE_TOKENS) break;
    const part = tokens.slice(after + 1, close);
    const relative = /^(?:who|which|whose)$/i.test(part[0]?.text ?? '');
    // The first short part may be anything ("Roe, elected in 2010, said"); later ones are noun phrases.
    const short = n === 0 && part.length < 16;
    if (part.length === 0 || (!dash && !relative && !short && part.some(isVerb))) break;
    const next = tokens[close + 1];
    if (next !== undefined && (isVerb(next) || isBetweenSubjectAndVerb(next) || next.text === '(')) {
      after = close + 1;
      break;
    }
    // The closing comma opens the next appositive (a dash pair ends at its second dash).
    after = dash ? close + 1 : close;
  }
  return after;
}

/** Full names (two words or more) outside quotes, other than the subject, last first. */
export function introducedPeople(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
  subject: Mention | null,
): Mention[] {
  const people: Mention[] = [];
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (
      t.pos !== 'PROPN' ||
      inQuote(t.start) ||
      (subject && t.start >= subject.start && t.end <= subject.end)
    ) {
      continue;
    }
    // A full name has at least two capitalised words.
    if (tokens[k - 1]?.pos !== 'PROPN' && tokens[k - 2]?.text !== '-') continue;
    const span = phraseEndingAt(tokens, k);
    if (!span) continue;
    k = span[0];
    // "a play by Jean Roe's company": a possessor names the owner of a thing, not someone the
    // text goes on to talk about.
    if (tokens.slice(span[0], span[1] + 1).some((t) => /^['’]s$/.test(t.text))) continue;
    const m = classify(tokens, span[0], span[1], text);
    if (m.kind === 'person' && /\s/.test(m.name)) people.push(withAppositiveTitle(tokens, m, text));
  }
  return people;
}

/**
 * "Tom Reyes shot back, saying …" when the tagger misread the verb ("shot" as a noun) and so no
 * subject was found: the person whose name opens the sentence, for a participle after a comma.
 */
export function openingName(tokens: readonly Token[], text: string): Mention | null {
  let end = -1;
  while (tokens[end + 1]?.pos === 'PROPN') end++;
  if (end < 0) return null;
  const m = classify(tokens, 0, end, text);
  return m.kind === 'person' ? m : null;
}

/** Words that open a clause of time or reason before the main clause. */
const LEAD_IN_OPENERS = /^(?:after|when|while|as|before|because|although|though|since|once|until)$/i;

/**
 * "After Ada Quinn lost the vote, she said …", "When Roe arrived, he told …": the person who is
 * the subject of a clause opening the sentence; a pronoun later in the sentence most likely
 * stands for them.
 */
export function leadInSubject(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
): Mention | null {
  let i = 0;
  while (i < tokens.length && (tokens[i]?.pos === 'CCONJ' || tokens[i]?.pos === 'PUNCT')) i++;
  // "Two weeks after …", "Shortly before …", "Even as …": a measure or an adverb before the opener.
  for (let k = i; k < i + 3 && k < tokens.length; k++) {
    if (LEAD_IN_OPENERS.test(tokens[k]?.text ?? '')) {
      i = k;
      break;
    }
    if (!['NUM', 'NOUN', 'ADV', 'ADJ'].includes(tokens[k]?.pos ?? '')) break;
  }
  const opener = tokens[i];
  if (!opener || inQuote(opener.start) || !LEAD_IN_OPENERS.test(opener.text)) return null;
  const span = phraseStartingAt(tokens, i + 1);
  if (!span) return null;
  let after = span[1] + 1;
  while (
    after < tokens.length &&
    tokens[after]?.pos !== 'AUX' &&
    isBetweenSubjectAndVerb(tokens[after] as Token)
  )
    after++;
  if (!isVerb(tokens[after])) return null;
  const m = classify(tokens, span[0], span[1], text);
  return m.kind === 'person' && !m.plural ? m : null;
}
