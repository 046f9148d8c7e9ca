/** Matching predictions to gold spans and speakers to gold names, shared by every attribution set. */
import { nameWords } from '../../src/attribution/names.js';

/** A predicted span matches a gold one when they overlap by at least 30% of the gold length. */
export const OVERLAP = 0.3;

export type Span = readonly [number, number];

/** Characters of `spans` (the gold parts) that fall inside [start, end). */
export function overlapWith(spans: readonly Span[], start: number, end: number): number {
  return spans.reduce((n, [s, e]) => n + Math.max(0, Math.min(e, end) - Math.max(s, start)), 0);
}

export const spanLength = (spans: readonly Span[]) => spans.reduce((n, [s, e]) => n + (e - s), 0);

/** The prediction overlapping the gold spans most, if it covers at least {@link OVERLAP} of them. */
export function bestMatch<P extends { start: number; end: number }>(
  spans: readonly Span[],
  predicted: readonly P[],
): P | undefined {
  const need = OVERLAP * spanLength(spans);
  let best: P | undefined;
  let bestOverlap = 0;
  for (const p of predicted) {
    const o = overlapWith(spans, p.start, p.end);
    if (o > bestOverlap && o >= need) {
      best = p;
      bestOverlap = o;
    }
  }
  return need > 0 ? best : undefined;
}

/** The last word of a name, normalised ("Justin Trudeau's" → "trudeau"); '' when there is none. */
export const surname = (name: string) => nameWords(name).at(-1) ?? '';

/** A speaker as the predictions give it: a name and its other spellings. */
export interface NamedSpeaker {
  name: string;
  aliases: readonly string[];
}

/**
 * The surnames a gold name may have: the last word of each part around "of", when capitalised
 * ("Ortiz of the City Nurses" → ortiz, nurses; "Chair of the Board Ann Lee" →
 * chair, lee). A single part gives its last word.
 */
export function goldSurnames(name: string): string[] {
  const parts = name.split(/\s+of\s+/);
  if (parts.length === 1) return [surname(name)].filter(Boolean);
  return parts
    .filter((p) => /^\p{Lu}/u.test(p.trim().split(/\s+/).at(-1) ?? ''))
    .map(surname)
    .filter(Boolean);
}

/** Whether the speaker's name or one of its aliases has the gold name's surname (or one of them). */
export function sameSurname(speaker: NamedSpeaker | null, gold: string | readonly string[]): boolean {
  const wanted = typeof gold === 'string' ? [surname(gold)].filter(Boolean) : gold;
  if (!speaker || wanted.length === 0) return false;
  return [speaker.name, ...speaker.aliases].some((n) => wanted.includes(surname(n)));
}

/** How a matched prediction's speaker compares with the gold one. */
export type SpeakerOutcome = 'right' | 'wrong' | 'none';

export function speakerOutcome(
  speaker: NamedSpeaker | null,
  gold: string | readonly string[],
): SpeakerOutcome {
  if (sameSurname(speaker, gold)) return 'right';
  return speaker ? 'wrong' : 'none';
}

// biome-ignore format: a word list reads best packed
const NOT_NAME_STARTS = new Set([
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them', 'his', 'its', 'our',
  'their', 'my', 'your', 'who', 'which', 'that', 'this', 'these', 'those', 'the', 'a', 'an', 'one',
  'another', 'some', 'many', 'most', 'several', 'both', 'all', 'each', 'other', 'others', 'such',
]);

/** Whether a mention starts like a name: a capital letter, not a pronoun or determiner ("He", "The …"). */
export function startsLikeName(mention: string): boolean {
  const first = mention.trim().split(/\s+/)[0] ?? '';
  return /^\p{Lu}/u.test(first) && !NOT_NAME_STARTS.has(first.toLowerCase().replace(/[’']s$/, ''));
}

/**
 * The name in a gold source mention as written, or null when it is not a proper name (see
 * {@link startsLikeName}). An apposition or relative clause is cut off: "Jeff Smith, a professor
 * at …" → "Jeff Smith", "Sen. Chris Murphy (D-Conn.)" → "Sen. Chris Murphy". The name's last word
 * must be capitalised ("Clinton campaign" is not a name).
 */
export function properName(mention: string): string | null {
  if (!startsLikeName(mention)) return null;
  // A name's words, without what follows it.
  const name = (mention.trim().split(/\s*(?:[,(;]|--|—|–|\bwho\b)\s*/u)[0] ?? '').trim();
  const last = name.split(/\s+/).at(-1) ?? '';
  return /^\p{Lu}/u.test(last) && surname(name) !== '' ? name : null;
}

/** A resolved name (GGT's `reference`): starts like a name and ends with a capitalised word. */
export const isNamedReference = (reference: string) =>
  startsLikeName(reference) && /^\p{Lu}/u.test(reference.trim().split(/\s+/).at(-1) ?? '');

/** How many words a text has. */
export const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
