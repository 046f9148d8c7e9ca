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

/** Lemmas an -ing form may have ("warning" → warn, "arguing" → argue, "admitting" → admit). */
export function gerundLemmas(word: string): string[] {
  if (!word.endsWith('ing') || word.length < 6) return [];
  const stem = word.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  return out;
}

/**
 * True when `t` is one of `verbs` used as a verb. The tagger sometimes reads "says" or "told" as a
 * noun or name; those few forms are accepted whatever their tag.
 */
export function isCue(t: Token, verbs: ReadonlySet<string>, afterSpeaker = false): boolean {
  // "Ivan Read said …": after a name read as a verb, "said" itself may be read as an adjective.
  if (!(t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ'))
    return false;
  if (
    t.pos !== 'VERB' &&
    !/^(?:says|said|told|adds|added)$/i.test(t.text) &&
    !(afterSpeaker && isThirdPerson(t))
  )
    return false;
  return verbs.has(t.lemma) || verbs.has(lower(t));
}

/**
 * "…," Roe notes. / "…," Roe points out.: right after a speaker phrase, a word in -s that the
 * tagger read as a plural noun is the verb.
 */
function isThirdPerson(t: Token): boolean {
  return t.pos === 'NOUN' && /^\p{Ll}+s$/u.test(t.text) && t.lemma !== lower(t);
}

/**
 * "each year of study yields a bump in pay": a word in -s the tagger read as a plural noun, after
 * a noun and before a determiner, a number or a possessive, is the clause's verb.
 */
export function isVerbReadAsNoun(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  if (!t || !before || !after || t.pos !== 'NOUN') return false;
  if (!(before.pos === 'NOUN' || before.pos === 'PROPN')) return false;
  // "the family deserved better": a past form after the subject's noun.
  if (isPastForm(t)) return true;
  if (!isThirdPerson(t)) return false;
  if (
    after.pos === 'DET' ||
    after.pos === 'NUM' ||
    /^(?:his|her|its|their|our|my|your|more|no)$/i.test(after.text)
  )
    return true;
  // "her son drives to town", "the plan calls for …": a preposition of motion or purpose after it,
  // when a determiner or an owner opens the one-noun subject.
  const opener = tokens[k - 2];
  return (
    MOTION_PREPOSITIONS.has(lower(after)) &&
    before.pos === 'NOUN' &&
    opener !== undefined &&
    (opener.pos === 'DET' || /^(?:his|her|its|their|our|my|your)$/i.test(opener.text))
  );
}

/** Prepositions after a verb of motion or purpose ("drives to", "calls for", "runs through"). */
const MOTION_PREPOSITIONS = new Set(['to', 'for', 'into', 'through', 'across', 'toward', 'towards', 'from']);

/** Nouns in -ed that are no past forms. */
const NOUNS_IN_ED = new Set(['hatred', 'kindred', 'hundred', 'bloodshed', 'watershed', 'homestead']);

/** A lower-case word of six letters or more in -ed ("deserved", "wanted"), not a noun like "hatred". */
const isPastForm = (t: Token): boolean => /^\p{Ll}{4,}ed$/u.test(t.text) && !NOUNS_IN_ED.has(t.text);

/** Index of the ")" closing the "(" at `open`, within `limit` tokens, else -1. */
export function closingBracket(tokens: readonly Token[], open: number, limit = 10): number {
  for (let k = open + 1; k < tokens.length && k <= open + limit; k++) if (tokens[k]?.text === ')') return k;
  return -1;
}

/** Index of the last token before the sentence's final punctuation and closing quotes. */
export function lastContentIndex(tokens: readonly Token[]): number {
  let j = tokens.length - 1;
  while (j >= 0 && (tokens[j]?.pos === 'PUNCT' || isQuoteMark(tokens[j]))) j--;
  return j;
}
