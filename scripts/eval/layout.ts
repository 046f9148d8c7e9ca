/**
 * How a GGT gold quote is laid out around its speaker, from the annotation alone:
 *
 * - `"…," X said`: the speaker span comes after the content, in the same sentence.
 * - `X said: "…"`: the speaker (and cue) come before, and the content opens with a quote mark
 *   (after a colon, a comma, "that" or nothing).
 * - `X said that …`: the speaker comes before content that does not open with a quote mark
 *   (reported speech, possibly with quoted words inside).
 * - `speaker in another sentence`: no speaker span (a continuation of an earlier quote), or a
 *   sentence break (a line break, or . ! ? then a capital) between the speaker and the content;
 *   after the content, the content's own closing punctuation ('…son?" Kim said') is not a break.
 */
import type { GgtQuote } from './data.js';

export const LAYOUTS = [
  '"…," X said',
  'X said: "…"',
  'X said that …',
  'speaker in another sentence',
] as const;
export type Layout = (typeof LAYOUTS)[number];

const SENTENCE_BREAK = /\n|[.!?]["”’)]*\s+["“‘(]*\p{Lu}/u;
const CLOSING = /^[.,!?;:…"”’')\]]+/u;
const OPENING_MARK = /["“‘']\s*$/u;

export function layoutOf(q: GgtQuote, text: string): Layout {
  const { speaker_start: ss, speaker_end: se } = q;
  if (ss === null || se === null || ss < 0) return 'speaker in another sentence';
  const after = ss >= q.end;
  // After the content, its own closing punctuation and marks ('?" Kim said') are no break.
  const between = after ? text.slice(q.end, ss).replace(CLOSING, '') : text.slice(se, q.start);
  if (between.includes('\n') || SENTENCE_BREAK.test(between)) return 'speaker in another sentence';
  if (after) return '"…," X said';
  const opensWithMark = OPENING_MARK.test(between) || /^["“‘]/u.test(text.slice(q.start));
  return opensWithMark ? 'X said: "…"' : 'X said that …';
}
