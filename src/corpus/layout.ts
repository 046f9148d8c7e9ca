/**
 * Finds the structure of an article body: which blocks are paragraphs, which is a photo caption,
 * and what is metadata rather than content (the dateline / byline block, agency boilerplate,
 * trailing credits). Pure string work with exact offsets; sentences come later.
 */
import type { Span } from './types.js';

export interface Block extends Span {
  kind: 'text' | 'caption';
  /** For captions: the image address, if any. */
  url?: string;
}

export interface Layout {
  /** The dateline / byline block or inline prefix, as one span (may cover several lines). */
  header: Span | null;
  /** The header's text with its lines joined by " / ", e.g. "Brussels / CNN / –". */
  headerText: string | null;
  /** A leading markdown heading, used as the title when the front matter has none. */
  heading: string | null;
  blocks: Block[];
  credits: Span[];
}

interface Line extends Span {
  text: string;
}

const IMAGE = /^!\[([^\]]*)\]\(([^)]*)\)\s*$/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
/** Ends like a sentence: terminal punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*\s*$|["”’»]\s*$/;

/**
 * Lays out the body that starts at `bodyStart` in `file`.
 *
 * @example
 * layoutBody('Brussels\nCNN\n–\nHegseth spoke.\n', 0).headerText // 'Brussels / CNN / –'
 */
export function layoutBody(file: string, bodyStart: number): Layout {
  const raw = groupParagraphs(splitLines(file, bodyStart));
  let heading: string | null = null;
  const blocks: Block[] = [];
  for (const para of raw) {
    const first = para[0] as Line;
    const heads = HEADING.exec(first.text);
    if (para.length === 1 && heads) {
      if (heading === null && blocks.length === 0) heading = heads[1] ?? null;
      continue;
    }
    if (para.length === 1 && (RULE.test(first.text) || isBoilerplateLine(first.text))) continue;
    const image = para.length === 1 ? IMAGE.exec(first.text) : null;
    if (image) {
      const alt = image[1] ?? '';
      const altStart = first.start + 2;
      const span = trimSpan(file, altStart, altStart + alt.length);
      if (span.end > span.start)
        blocks.push({ ...span, kind: 'caption', url: image[2]?.trim() || undefined });
      continue;
    }
    blocks.push({ ...trimSpan(file, first.start, (para[para.length - 1] as Line).end), kind: 'text' });
  }

  const headerSpans: Span[] = [];
  while (
    blocks.length > 1 &&
    blocks[0]?.kind === 'text' &&
    isHeaderLine(file.slice(blocks[0].start, blocks[0].end))
  ) {
    headerSpans.push(blocks.shift() as Block);
  }
  const firstText = blocks.find((b) => b.kind === 'text');
  if (firstText) {
    const prefix = leadingBoilerplate(file.slice(firstText.start, firstText.end));
    if (prefix > 0 && prefix < firstText.end - firstText.start) {
      const cut = trimSpan(file, firstText.start, firstText.start + prefix);
      headerSpans.push(cut);
      firstText.start = trimSpan(file, firstText.start + prefix, firstText.end).start;
    }
  }

  const credits: Span[] = [];
  while (blocks.length > 1) {
    const last = blocks[blocks.length - 1] as Block;
    if (last.kind !== 'text' || !isCredit(file.slice(last.start, last.end))) break;
    credits.unshift(blocks.pop() as Block);
  }

  const header =
    headerSpans.length > 0
      ? { start: (headerSpans[0] as Span).start, end: (headerSpans[headerSpans.length - 1] as Span).end }
      : null;
  const headerText =
    headerSpans.length > 0
      ? headerSpans
          .map((s) => file.slice(s.start, s.end))
          .join('\n')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join(' / ')
      : null;
  return { header, headerText, heading, blocks, credits };
}

function splitLines(file: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= file.length) {
    let end = file.indexOf('\n', start);
    if (end < 0) end = file.length;
    const lineEnd = end > start && file[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: file.slice(start, lineEnd) });
    start = end + 1;
  }
  return lines;
}

/**
 * Groups lines into paragraphs. A blank line always separates; a single line break separates too
 * (news text often has one paragraph per line) unless it is a hard wrap inside a sentence: the line
 * does not end like a sentence and the next one starts in lower case.
 */
function groupParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current);
    current = [];
  };
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    const isSpecial = IMAGE.test(text) || HEADING.test(text) || RULE.test(text);
    const wraps =
      previous !== undefined &&
      !isSpecial &&
      !SENTENCE_END.test(previous.text) &&
      /^[\p{Ll}\p{N}(,]/u.test(text) &&
      !IMAGE.test(previous.text.trim());
    if (!wraps) flush();
    current.push({ ...line, text });
  }
  flush();
  return paragraphs;
}

function trimSpan(file: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(file[s] as string)) s++;
  while (e > s && /\s/.test(file[e - 1] as string)) e--;
  return { start: s, end: e };
}

/**
 * A dateline or byline line above the story: short and not a sentence ("Brussels", "CNN", "–",
 * "By Jane Doe, CNN", "Updated 10:04 AM EST, Wed February 12, 2025").
 */
function isHeaderLine(text: string): boolean {
  if (text.includes('\n')) return text.split(/\r?\n/).every((l) => isHeaderLine(l.trim()));
  if (
    /^(?:By|Updated|Published|Posted|Last updated)\b/i.test(text) &&
    text.length <= 120 &&
    !/[.!?]\s*$/.test(text)
  ) {
    return true;
  }
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return text.length <= 60 && words.length <= 5 && !/[.!?"”:]\s*$/.test(text);
}

/** Wire-service and tabloid prefixes glued to the first paragraph, as a length to cut. */
const BOILERPLATE: RegExp[] = [
  // "By . Associated Press . PUBLISHED: 12:07 EST, 24 March 2014 . | . UPDATED: 12:31 EST, 24 March 2014 ."
  /^(?:By\s*\.\s*[^.|]{1,80}?\s*\.\s*)?(?:(?:PUBLISHED|UPDATED|Last updated)\s*:?\s*[^|]{4,60}?\s*\.\s*(?:\|\s*\.?\s*)?)+/,
  /^By\s*\.\s*[^.|]{1,80}?\s*\.\s+(?=[\p{Lu}"“‘'])/u,
  /^Last updated at [^.]{4,60}\.\s+/i,
  // "(CNN)They …", "WASHINGTON (Reuters) - The …", "(The Hollywood Reporter)Stan …"
  /^(?:\p{Lu}[\p{L}.'’ ,-]{0,40}\s)?\((?:\p{Lu}[\p{L}.&'’]*)(?:\s\p{Lu}[\p{L}.&'’]*){0,3}\)\s*(?:[-–—]{1,2}\s*)?(?=[\p{Lu}"“‘'])/u,
  // "LONDON — The …", "SAN FRANCISCO, Calif. - …"
  /^\p{Lu}{2,}(?:[ ,.]+\p{Lu}[\p{L}.]*)*\s+[-–—]{1,2}\s+(?=[\p{Lu}"“‘'])/u,
];

function leadingBoilerplate(text: string): number {
  let cut = 0;
  for (let round = 0; round < 3; round++) {
    const rest = text.slice(cut);
    const match = BOILERPLATE.map((re) => re.exec(rest)).find((m) => m && m[0].length > 0);
    if (!match) break;
    cut += match[0].length;
  }
  return cut;
}

/** Credit and housekeeping lines that end a story. */
const CREDIT: RegExp[] = [
  /^(?:\p{Lu}[\p{L}.&]*\s){0,3}?[\p{L}.&]+['’]s\s.{2,300}?\b(?:reported|contributed(?: reporting)?(?: to this (?:report|story|article))?)\s*\.?$/u,
  /^.{2,300}?\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/,
  /^(?:This|The) (?:story|article|report|post) (?:has been|was|is being) (?:updated|corrected)\b.{0,200}$/i,
  /^\(?(?:Additional )?(?:Reporting|Writing|Editing) by\b.{0,300}$/i,
  /^(?:Follow|Contact) .{1,80}\bon (?:Twitter|X|Facebook|Instagram)\b.{0,80}$/i,
  /^(?:Copyright|©)\s.{0,200}$/i,
  /^All rights reserved\.?$/i,
  /^Read more:.{0,300}$/i,
];

function isCredit(text: string): boolean {
  return text.length <= 400 && CREDIT.some((re) => re.test(text.trim()));
}

/**
 * Lines publishers put between paragraphs that are not part of the story: ad markers, links to
 * other stories, photo viewers and photo credits.
 */
const BOILERPLATE_LINE: RegExp[] = [
  /^(?:story continues below(?: advertisement)?|advertisement|continue reading(?: below)?|scroll down for video|skip advertisement)\.?$/i,
  /^(?:read more|related|watch|watch below|watch more|listen|more|see also|also read|recommended|click here|sign up)\b[^.!?]{0,10}:.{0,300}$/i,
  /^(?:open this photo in gallery|share this article|share on (?:facebook|twitter)|embed|image|photo|video)(?::.{0,200})?$/i,
  // "Scott Grant/The Canadian Press", "Photo: Jane Doe/Reuters"
  /^(?:photo(?:graph)?:\s*)?\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}\s?\/\s?(?:the\s)?\p{Lu}[\p{L}&.'’ -]{1,40}$/iu,
];

function isBoilerplateLine(text: string): boolean {
  return text.length <= 300 && BOILERPLATE_LINE.some((re) => re.test(text.trim()));
}
