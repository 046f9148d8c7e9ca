/**
 * Names the article itself writes as places, for names no gazetteer holds ("a rally in Palo
 * Alto", "Bellwood, Canada"): a capitalised run right after a preposition of place, or followed by
 * a comma and a country. Such a name is never a he or she unless the article also marks it as a
 * person's (a first name, a title, speech), which the resolver checks first.
 *
 * @example
 * placeEvidence([tokensOf('The rally in Palo Alto drew crowds.')]) // Set { 'palo alto' }
 */
import type { Token } from '../nlp/pipeline.js';
import { isProperWord } from './mentions.js';
import { nameWords } from './names.js';
import { lower } from './tokens.js';
import { isPlace } from './words.js';

/** Prepositions that put a name in a place ("in", "near"), not ones a person follows ("with", "by"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout']);

/** Normal-form keys (see {@link nameWords}) of the names the article writes as places. */
export function placeEvidence(sentences: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentences) {
    for (let k = 1; k < tokens.length; k++) {
      if (!isProperWord(tokens[k] as Token) || isProperWord(tokens[k - 1] as Token)) continue;
      let to = k;
      while (to + 1 < tokens.length && isProperWord(tokens[to + 1] as Token)) to++;
      const run = tokens.slice(k, to + 1);
      const next = tokens[to + 1];
      // "in Lee's office": a possessor is an owner, anyone.
      const possessive = next !== undefined && /^['’]s$/.test(next.text);
      const afterPreposition = PLACE_PREPOSITIONS.has(lower(tokens[k - 1]));
      // "Bellwood, Canada": a name placed in a country.
      const inCountry = next?.text === ',' && isCountryAt(tokens, to + 2);
      if (!possessive && (afterPreposition || inCountry)) {
        out.add(nameWords(run.map((t) => t.text).join(' ')).join(' '));
      }
      k = to;
    }
  }
  out.delete('');
  return out;
}

/** A country's name (one or two words) starting at token `i`. */
function isCountryAt(tokens: readonly Token[], i: number): boolean {
  const one = tokens[i];
  if (!one || !isProperWord(one)) return false;
  const two = tokens[i + 1];
  return isPlace(one.text) || (two !== undefined && isProperWord(two) && isPlace(`${one.text} ${two.text}`));
}
