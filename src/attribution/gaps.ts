/**
 * What may sit between a speaker, its cue and the words: adverbs, auxiliaries, time words and
 * setting phrases ("said on Wednesday", "told reporters in a statement that").
 */
import type { Token } from '../nlp/pipeline.js';
import { isBetweenSubjectAndVerb } from './mentions.js';
import { isComma, lower } from './tokens.js';
import { SETTING_NOUNS, SETTING_OPENERS, TIME_WORDS } from './words.js';

const PHRASE_POS = /^(?:DET|ADJ|NUM|PROPN|NOUN)$/;
/** "on his official feed": a possessive may open a setting phrase. */
const inSettingPhrase = (t: Token | undefined) =>
  t !== undefined &&
  (PHRASE_POS.test(t.pos) || /^(?:his|her|their|its|our|my|your)$/i.test(t.text) || /^['’]s$/.test(t.text));

/** Steps forward over commas, colons, time words and setting phrases ("on Wednesday", "in a statement"). */
export function skipForward(tokens: readonly Token[], from: number, last: number): number {
  let i = from;
  for (let guard = 0; guard < 10 && i <= last; guard++) {
    const t = tokens[i] as Token;
    if (isComma(t) || t.text === ':' || TIME_WORDS.has(lower(t))) {
      i++;
      continue;
    }
    // "said Friday in a northern town, that …": a place, set off before the clause; "wrote on
    // Facebook: …", "told CNN on Fox News that …": a platform.
    if ((lower(t) === 'in' || lower(t) === 'at' || lower(t) === 'on') && tokens[i + 1]?.pos === 'PROPN') {
      let k = i + 1;
      while (
        k <= last &&
        (tokens[k]?.pos === 'PROPN' || (isComma(tokens[k]) && tokens[k + 1]?.pos === 'PROPN'))
      )
        k++;
      if (k <= last && (isComma(tokens[k]) || tokens[k]?.text === ':' || lower(tokens[k]) === 'that')) {
        i = k;
        continue;
      }
    }
    if (SETTING_OPENERS.has(lower(t))) {
      let k = i + 1;
      while (k <= Math.min(last, i + 6) && !SETTING_NOUNS.has(lower(tokens[k])) && inSettingPhrase(tokens[k]))
        k++;
      if (k <= last && SETTING_NOUNS.has(lower(tokens[k]))) {
        // "on a conference call", "in a video message": a setting noun of two setting words.
        while (k < last && tokens[k + 1]?.pos === 'NOUN' && SETTING_NOUNS.has(lower(tokens[k + 1]))) k++;
        i = participleBeforeThat(tokens, k + 1, last) ?? k + 1;
        continue;
      }
    }
    break;
  }
  return i;
}

/** Most tokens of a participle phrase after a setting ("taped before the vote"). */
const PARTICIPLE_PHRASE = 8;

/**
 * "said in an interview taped before the vote that …", "in a letter sent on Friday that …": a past
 * participle phrase describing the setting, up to the "that" opening the clause; the index of
 * "that", or null. Nothing in it may be a verb of its own, a comma or a quotation mark.
 */
function participleBeforeThat(tokens: readonly Token[], i: number, last: number): number | null {
  const first = tokens[i];
  if (!first || !/^(?:VERB|ADJ)$/.test(first.pos) || !/(?:ed|en|wn)$/i.test(first.text)) return null;
  for (let k = i + 1; k <= Math.min(last, i + PARTICIPLE_PHRASE); k++) {
    const t = tokens[k] as Token;
    if (lower(t) === 'that') return k;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || t.pos === 'SCONJ') return null;
  }
  return null;
}

/** Steps back over adverbs, auxiliaries, time words and setting phrases between a subject and its verb. */
export function skipBack(tokens: readonly Token[], from: number, floor: number): number {
  let j = from;
  for (let guard = 0; guard < 10 && j >= floor; guard++) {
    const t = tokens[j] as Token;
    // "Sen. Jane Roe (D-Ore.) said": a short bracket after a name.
    if (t.text === ')') {
      let open = j - 1;
      while (open >= floor && j - open <= 10 && tokens[open]?.text !== '(') open--;
      if (open >= floor && tokens[open]?.text === '(') {
        j = open - 1;
        continue;
      }
    }
    if (isBetweenSubjectAndVerb(t) && !isNameReadAsAdverb(t)) {
      j--;
      // "on Wednesday": the opener goes with the time word.
      if (j >= floor && SETTING_OPENERS.has(lower(tokens[j]))) j--;
      continue;
    }
    if (SETTING_NOUNS.has(lower(t))) {
      let k = j - 1;
      while (
        k >= Math.max(floor, j - 6) &&
        !SETTING_OPENERS.has(lower(tokens[k])) &&
        inSettingPhrase(tokens[k])
      )
        k--;
      if (k >= floor && SETTING_OPENERS.has(lower(tokens[k]))) {
        j = k - 1;
        continue;
      }
    }
    break;
  }
  return j;
}

/**
 * "Jolly said …", "…, Young says": a word in title case that the tagger read as an adverb, next to
 * the cue, is a name (adverbs there are in lower case: "also said"). Time words stay skipped.
 */
function isNameReadAsAdverb(t: Token): boolean {
  return t.pos === 'ADV' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !TIME_WORDS.has(lower(t));
}
