/** Small predicates over tokens, shared by the attribution rules. */
import type { Token } from '../nlp/pipeline.js';

/** The token's text in lower case ('' for none). */
export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/** A quotation mark of any style, straight or curly. */
export const isQuoteMark = (t: Token | undefined): boolean =>
  t !== undefined && /^["“”„«»‘’']+$/.test(t.text);

/** A comma or a dash: both set off appositives and attributions. */
export const isComma = (t: Token | undefined): boolean =>
  t !== undefined && (t.text === ',' || t.text === '—' || t.text === '–');

/** A present participle ("saying", "adding"). */
export const isGerund = (t: Token): boolean => /ing$/i.test(t.text);

/**
 * True when `t` is one of `verbs` used as a verb. The tagger sometimes reads "says" or "told" as a
 * noun or name; those few forms are accepted whatever their tag.
 */
export function isCue(t: Token, verbs: ReadonlySet<string>): boolean {
  if (!(t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  if (t.pos !== 'VERB' && !/^(?:says|said|told|adds|added)$/i.test(t.text)) return false;
  return verbs.has(t.lemma) || verbs.has(lower(t));
}

/** Index of the last token before the sentence's final punctuation and closing quotes. */
export function lastContentIndex(tokens: readonly Token[]): number {
  let j = tokens.length - 1;
  while (j >= 0 && (tokens[j]?.pos === 'PUNCT' || isQuoteMark(tokens[j]))) j--;
  return j;
}
