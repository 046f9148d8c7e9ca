/**
 * Measures how deeply a page's elements nest, streaming it through htmlparser2 (the tokenizer
 * under linkedom) and stopping as soon as the limit is passed. Readability's time grows steeply
 * with depth (about 16 s at depth 1,000), so deeper pages are refused before any DOM is built.
 */
import { Parser } from 'htmlparser2';

/** Deeper than any real news page (they stay under 100), far below where Readability slows down. */
export const MAX_DEPTH = 256;

/** True when some element of `html` sits more than `limit` elements deep. */
export function nestsDeeperThan(html: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  let exceeded = false;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > limit && !exceeded) {
          exceeded = true;
          parser.pause();
        }
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  const CHUNK = 64 * 1024;
  for (let i = 0; i < html.length && !exceeded; i += CHUNK) parser.write(html.slice(i, i + CHUNK));
  if (!exceeded) parser.end();
  return exceeded;
}
