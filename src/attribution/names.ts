/**
 * Comparing names: normal forms, surnames, and typo-level similarity (Jaro-Winkler).
 */
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { normalise } from '../nlp/terms.js';

/**
 * Jaro-Winkler similarity at or above which two spellings of a surname are typos of one name.
 * A new spelling is compared with every spelling a speaker already has, so variants chain.
 * Measured (`npm run eval` prints both): the bundled article's variants of one name reach a known
 * spelling at 0.876–0.920 (Heggs and Hegus ~ Hegses 0.876, Hegseth ~ Hegses 0.910, Heale ~ Healy
 * 0.920), while the most similar surnames of different people in one development article score
 * 0.844 (two surnames that differ in their last letters).
 */
export const TYPO_SIMILARITY = 0.86;

/** Name words in normal form: lower case, no accents or punctuation. */
export function nameWords(name: string): string[] {
  return normalise(name)
    .replace(/['’]s$/, '')
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0 && !/^(?:mr|mrs|ms|dr|jr|sr|ii|iii)\.?$/.test(w));
}

export function similarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}

/** True when two single name words are the same or typos of each other. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 4) return false;
  return similarity(a, b) >= TYPO_SIMILARITY;
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}'’-]*(?:(?:,\s+|\s+(?:and|of|for|on|the|&)\s+|\s+)\p{Lu}[\p{L}'’-]*)*/gu;
const MINOR_WORDS = new Set(['and', 'of', 'for', 'on', 'the', '&']);

/**
 * The long form of an acronym, when the text spells it out: "NRB" → "National Rail
 * Board". Null when no run of capitalised words has those initials.
 *
 * @example
 * expandAcronym('NRB', 'said the National Rail Board (NRB)') // 'National Rail Board'
 */
export function expandAcronym(acronym: string, text: string): string | null {
  const wanted = acronym.toUpperCase();
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(/[\s,]+/).filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
    if (words.length < 2 || words.length > 8) continue;
    // Trim leading words until the initials can match ("Friday National Rail Board").
    for (let from = 0; from + wanted.length <= words.length; from++) {
      const part = words.slice(from, from + wanted.length);
      if (part.map((w) => w[0]?.toUpperCase()).join('') !== wanted) continue;
      const first = match[0].indexOf(part[0] as string);
      const lastWord = part[part.length - 1] as string;
      const end = match[0].indexOf(lastWord, first) + lastWord.length;
      return match[0].slice(first, end);
    }
  }
  return null;
}
