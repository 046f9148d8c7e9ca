/**
 * Keeps deeply nested markup from stalling extraction: Readability's time grows steeply with
 * nesting depth (about 1 s at depth 1,000 on linkedom, far worse in jsdom, and 20,000 unclosed tags
 * hang it). Both functions stream the page through htmlparser2 (the tokenizer under linkedom).
 */
import { Parser } from 'htmlparser2';

/** Deeper than any real news page (they stay under 100), well below where Readability slows down. */
export const MAX_DEPTH = 256;

const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
const RAW_TEXT = new Set(
  'script style template noscript textarea title xmp iframe noembed noframes'.split(' '),
);
/** Tags whose end is a paragraph break; beyond the limit they become `<br><br>`. */
const BREAKS = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);

/** Kept one level deep past the limit, for the structure clean-up reads (paragraphs, links, captions). */
const KEEP = new Set('a p li h1 h2 h3 h4 h5 h6 figcaption blockquote'.split(' '));

/** True when some element of `html` sits more than `limit` elements deep; stops at the first. */
export function nestsDeeperThan(html: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  let exceeded = false;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > limit) exceeded = true;
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  write(parser, html, () => exceeded);
  return exceeded;
}

/**
 * The same page with every element deeper than `limit` unwrapped: its text stays, block ends become
 * `<br><br>` (which Readability turns back into paragraphs), scripts and styles there are dropped;
 * paragraphs, links and captions are kept one level past the limit when not inside another kept one.
 */
export function flattenDeepMarkup(html: string, limit = MAX_DEPTH): string {
  const out: string[] = [];
  const stack: ('emitted' | 'kept' | 'dropped')[] = [];
  let kept = 0;
  let hiddenRaw = 0;
  const parser = new Parser(
    {
      onprocessinginstruction(_name, data) {
        if (/^!doctype/i.test(data)) out.push(`<${data}>`);
      },
      onopentag(name, attribs) {
        const keep = stack.length >= limit && kept === 0 && KEEP.has(name);
        const emit = stack.length < limit || keep;
        stack.push(keep ? 'kept' : emit ? 'emitted' : 'dropped');
        if (keep) kept++;
        if (emit) {
          const attrs = Object.entries(attribs)
            .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
            .join('');
          out.push(`<${name}${attrs}>`);
        } else if (RAW_TEXT.has(name)) hiddenRaw++;
        else if (name === 'br') out.push('<br>');
      },
      ontext(text) {
        if (hiddenRaw === 0) out.push(text);
      },
      onclosetag(name) {
        const state = stack.pop();
        if (state === 'kept') kept--;
        if (state !== 'dropped') {
          if (!VOID.has(name)) out.push(`</${name}>`);
        } else if (RAW_TEXT.has(name)) hiddenRaw = Math.max(0, hiddenRaw - 1);
        else if (BREAKS.has(name)) out.push('<br><br>');
      },
    },
    { decodeEntities: false },
  );
  write(parser, html, () => false);
  return out.join('');
}

function write(parser: Parser, html: string, stop: () => boolean): void {
  const CHUNK = 64 * 1024;
  for (let i = 0; i < html.length && !stop(); i += CHUNK) parser.write(html.slice(i, i + CHUNK));
  if (!stop()) parser.end();
}
