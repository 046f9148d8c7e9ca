/**
 * Finds what is inside quotation marks, character by character within each paragraph (wink's
 * sentences break inside quotations, so quotes are found first and sentences joined around them).
 * Copes with messy text: curly and straight marks, a missing closing mark (the quote runs to the
 * end of its paragraph), a stray closing mark (the quote starts with its sentence), double marks
 * written as two apostrophes or backticks (''…'', ``…''), and British single quotes when a
 * paragraph has no double ones.
 */
import type { Span } from '../corpus/types.js';

export interface QuoteSpan extends Span {
  /** Offset of the opening mark, or null when it was missing. */
  open: number | null;
  /** Offset of the closing mark, or null when the paragraph ended first. */
  close: number | null;
  /** Index of the paragraph (in the list given) the quote is in. */
  paragraph: number;
  /** The quote was still open at the end of the previous paragraph and this paragraph reopens it. */
  continued: boolean;
}

const OPENERS = new Set(['“', '„', '«', '‟']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';

type Direction = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  direction: Direction;
  /** Characters the mark takes: 2 for a doubled apostrophe or backtick (`''`, "``"). */
  length?: number;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{—–-]/;

/** Double quotation marks in `text`, with the direction their context suggests. */
function doubleMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  const doubled = opensWithDoubledMark(text, from, to);
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    const before = i === from ? undefined : text[i - 1];
    const after = i + 1 >= to ? undefined : text[i + 1];
    if (OPENERS.has(c)) {
      // “ used as a closer by careless typing: after a word, before a space or the end.
      marks.push({
        at: i,
        direction:
          !isSpace(before) && !OPEN_CONTEXT.test(before ?? ' ') && isSpace(after) ? 'either' : 'open',
      });
    } else if (CLOSERS.has(c)) {
      marks.push({
        at: i,
        direction: (before === undefined || isSpace(before)) && isWord(after) ? 'either' : 'close',
      });
    } else if (c === STRAIGHT || (doubled && isDoubledMark(text, i, to))) {
      // Some wire and archive texts write a double quotation mark as two apostrophes (''…'') or
      // open it with two backticks (``…''): read the pair as one straight mark.
      const length = c === STRAIGHT ? 1 : 2;
      const next = i + length >= to ? undefined : text[i + length];
      const opens = (before === undefined || OPEN_CONTEXT.test(before)) && !isSpace(next);
      const closes = !isSpace(before) && (next === undefined || /[\s.,;:!?)\]}—–-]/.test(next));
      const direction =
        c === '`' ? 'open' : opens && !closes ? 'open' : closes && !opens ? 'close' : 'either';
      marks.push(length === 1 ? { at: i, direction } : { at: i, direction, length });
      i += length - 1;
    }
  }
  return marks;
}

/**
 * Whether the paragraph opens a quotation with a doubled mark somewhere (`''We …` or "``We …"):
 * only then are doubled apostrophes read as double marks, so that a single quotation closing
 * inside another ('… called it 'madness'') stays two single marks.
 */
function opensWithDoubledMark(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf("''", from); i >= 0 && i < to; i = text.indexOf("''", i + 2)) {
    const before = i === from ? undefined : text[i - 1];
    if ((before === undefined || OPEN_CONTEXT.test(before)) && isWord(text[i + 2])) return true;
  }
  const ticks = text.indexOf('``', from);
  return ticks >= 0 && ticks < to;
}

/** True at the first of two apostrophes or two backticks standing for a double mark. */
function isDoubledMark(text: string, i: number, to: number): boolean {
  const c = text[i];
  return (c === "'" || c === '`') && i + 1 < to && text[i + 1] === c && text[i + 2] !== c;
}

/** British-style single quotation marks (‘…’ or '…'), ignoring apostrophes inside words. */
function singleMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    const before = i === from ? undefined : text[i - 1];
    const after = i + 1 >= to ? undefined : text[i + 1];
    if (isWord(before) && isWord(after)) continue; // an apostrophe: don't, O'Neill
    if ((before === undefined || OPEN_CONTEXT.test(before)) && isWord(after))
      marks.push({ at: i, direction: 'open' });
    else if (!isSpace(before) && (after === undefined || /[\s.,;:!?)\]}—–-]/.test(after))) {
      marks.push({ at: i, direction: 'close' });
    }
  }
  return marks;
}

/**
 * Quote spans in the given paragraphs, in order. `sentenceStarts` are the offsets where sentences
 * begin (used to place the start of a quote whose opening mark is missing).
 *
 * @example
 * findQuoteSpans('“We will,” he said.', [{ start: 0, end: 19 }], [0])[0] // { start: 1, end: 9, … }
 */
export function findQuoteSpans(
  text: string,
  paragraphs: readonly Span[],
  sentenceStarts: readonly number[],
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried = false;
  paragraphs.forEach((para, index) => {
    let marks = doubleMarks(text, para.start, para.end);
    let single = false;
    if (marks.length === 0) {
      marks = singleMarks(text, para.start, para.end);
      single = true;
      // Single marks need a real pair: an opener and a closer, or they are apostrophes.
      if (!marks.some((m) => m.direction === 'open') || !marks.some((m) => m.direction === 'close'))
        marks = [];
    }
    const startsWithOpen = marks[0]?.at === para.start && marks[0].direction !== 'close';
    const continued = carried && startsWithOpen;
    carried = false;
    let open: number | null = null;
    /** Characters of the open mark. */
    let openLength = 1;
    /** Whether the next span pushed is the continuation of the previous paragraph's quote. */
    const continues = (opening: number | null) => continued && opening === para.start;
    for (const mark of marks) {
      const treatAsOpen = mark.direction === 'open' || (mark.direction === 'either' && open === null);
      if (treatAsOpen && open === null) {
        open = mark.at;
        openLength = mark.length ?? 1;
        continue;
      }
      if (treatAsOpen && open !== null) {
        // Two openers: the first quote ends where the second begins.
        if (!single) pushSpan(spans, text, open + openLength, mark.at, open, null, index, continues(open));
        open = mark.at;
        openLength = mark.length ?? 1;
        continue;
      }
      if (open !== null) {
        pushSpan(spans, text, open + openLength, mark.at, open, mark.at, index, continues(open));
        open = null;
      } else if (!single) {
        // A closing mark with no opener: the quote starts with its sentence.
        const start = sentenceStartBefore(sentenceStarts, mark.at, para.start);
        pushSpan(spans, text, start, mark.at, null, mark.at, index, false);
      }
    }
    if (open !== null && !single) {
      pushSpan(spans, text, open + openLength, para.end, open, null, index, continues(open));
      carried = true;
    }
  });
  return spans;
}

function sentenceStartBefore(starts: readonly number[], at: number, floor: number): number {
  let best = floor;
  for (const s of starts) if (s <= at && s >= best) best = s;
  // A mark right at a sentence start closes the sentence before it.
  if (best === at) {
    for (const s of starts) if (s < at && s >= floor) best = s;
    if (best === at) best = floor;
  }
  return best;
}

function pushSpan(
  spans: QuoteSpan[],
  text: string,
  start: number,
  end: number,
  open: number | null,
  close: number | null,
  paragraph: number,
  continued: boolean,
): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return;
  spans.push({ start: s, end: e, open, close, paragraph, continued });
}

/** Words in a span of text. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}
