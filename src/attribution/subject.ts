/** Who a sentence is about: its grammatical subject, and people it introduces by full name. */
import type { Token } from '../nlp/pipeline.js';
import {
  canSpeak,
  classify,
  isBetweenSubjectAndVerb,
  type Mention,
  phraseEndingAt,
  phraseStartingAt,
} from './mentions.js';
import { isComma } from './tokens.js';

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
  let after = span[1] + 1;
  // "Jane Roe, a former spokeswoman, said" / "Jane Roe — a former prosecutor, and … — went": step
  // over an appositive, to the matching dash when it opened with one.
  const opener = tokens[after];
  if (isComma(opener)) {
    const dash = opener?.text === '—' || opener?.text === '–';
    const close = tokens.findIndex((t, k) => k > after && (dash ? t.text === opener?.text : isComma(t)));
    if (close > 0 && close - after < (dash ? 30 : 16)) after = close + 1;
  }
  // Step over adverbs and time words, but an auxiliary may be the verb itself ("Roe has …").
  while (
    after < tokens.length &&
    tokens[after]?.pos !== 'AUX' &&
    isBetweenSubjectAndVerb(tokens[after] as Token)
  )
    after++;
  const verb = tokens[after];
  if (!verb || !(verb.pos === 'VERB' || verb.pos === 'AUX')) return null;
  const m = classify(tokens, span[0], span[1], text);
  return canSpeak(m) ? m : null;
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
    if (m.kind === 'person' && /\s/.test(m.name)) people.push(m);
  }
  return people;
}
