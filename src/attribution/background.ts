/**
 * What the text sets off right after a person's name besides a role: an age ("Ana Ruiz, 46,"), a
 * lawmaker's party tag ("(R-Fla.)", ", D-N.Y.,") and a home state or country ("of Ohio"). A later
 * description ("the 46-year-old", "the Florida senator") is matched against them.
 *
 * For "Sen. Ana Ruiz (R-Fla.) spoke", `homeAfter` at the name's last token gives "Republican Florida".
 */
import type { Token } from '../nlp/pipeline.js';
import { isComma, lower } from './tokens.js';
import { stateNamed } from './usStates.js';
import { isPlace } from './words.js';

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);

/** "Ana Ruiz, 46, …" / "Ana Ruiz (46) …": the age set off after the name, and the token after it. */
export function ageAfter(tokens: readonly Token[], to: number): [number | null, number] {
  const open = tokens[to + 1];
  const n = tokens[to + 2];
  const close = tokens[to + 3];
  if (!open || !n || !close || n.pos !== 'NUM' || !/^\d{1,3}$/.test(n.text)) return [null, to];
  const years = Number(n.text);
  const setOff =
    (isComma(open) && (isComma(close) || close.text === '.')) || (open.text === '(' && close.text === ')');
  return setOff && years > 0 && years < 120 ? [years, isComma(close) ? to + 2 : to + 3] : [null, to];
}

/** Party letters in a tag after a lawmaker's name ("R-Fla.", "D-N.Y.", "I-Vt."). */
const PARTY_LETTERS = /^(?:R|D|I)$/;
const PARTY_NAMES: Readonly<Record<string, string>> = { R: 'Republican', D: 'Democratic', I: 'Independent' };

/** When a party tag's letter is at `k` ("R" of "R-Fla."), the index of its last token; else -1. */
export function partyTagEnd(tokens: readonly Token[], k: number): number {
  if (!PARTY_LETTERS.test(tokens[k]?.text ?? '') || tokens[k + 1]?.text !== '-') return -1;
  const before = tokens[k - 1];
  if (!before || !(before.text === '(' || isComma(before))) return -1;
  let written = '';
  for (let j = k + 2; j < tokens.length && j <= k + 7; j++) {
    const t = tokens[j] as Token;
    if (t.text === ')' || isComma(t)) return stateNamed(written) ? j - 1 : -1;
    written += t.text;
  }
  return -1;
}

/**
 * The state or country set off after the name ending at `to`: a party tag in brackets or commas
 * ("(R-Fla.)", ", D-Texas,": the party and the state, "Republican Florida") or "of" and a state or
 * country ("Tom Hill of Ohio"); else null.
 */
export function homeAfter(tokens: readonly Token[], to: number): string | null {
  const open = tokens[to + 1];
  if (!open) return null;
  const tagEnd = partyTagEnd(tokens, to + 2);
  if (tagEnd > 0) {
    let written = '';
    for (let k = to + 4; k <= tagEnd; k++) written += (tokens[k] as Token).text;
    const state = stateNamed(written);
    return state && `${PARTY_NAMES[tokens[to + 2]?.text ?? ''] ?? ''} ${state}`.trim();
  }
  if (lower(open) !== 'of') return null;
  const one = tokens[to + 2];
  const two = tokens[to + 3];
  if (!one || !isCapitalised(one)) return null;
  if (two && isCapitalised(two)) {
    const both = `${one.text} ${two.text}`;
    return stateNamed(both) ?? (isPlace(both) ? both : null);
  }
  return stateNamed(one.text) ?? (isPlace(one.text) ? one.text : null);
}
