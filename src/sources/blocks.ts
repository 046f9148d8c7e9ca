/**
 * Turns Readability's article HTML into plain-text paragraphs and captions: one paragraph per
 * block of text, with how much of it was link text (for the clean-up rules in clean.ts).
 */
import { type DomElement, type DomNode, ELEMENT_NODE, parseDocument, TEXT_NODE } from './dom.js';

export interface TextBlock {
  text: string;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** The block's tag, lower case (`p`, `h2`, `li`, …; `div` for loose text). */
  tag: string;
}

export interface Blocks {
  paragraphs: TextBlock[];
  captions: string[];
}

const BLOCK = new Set(
  'address article aside blockquote body center details dialog dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody thead tfoot tr td th ul br'.split(
    ' ',
  ),
);
const SKIP = new Set(
  'script style noscript template svg button select option textarea iframe object'.split(' '),
);

/** Splits `html` (an article fragment) into text blocks and figure captions. */
export function htmlBlocks(html: string): Blocks {
  const doc = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const paragraphs: TextBlock[] = [];
  const captions: string[] = [];
  let text = '';
  let linkChars = 0;
  let tag = 'div';
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) paragraphs.push({ text: clean, linkChars: Math.min(linkChars, clean.length), tag });
    text = '';
    linkChars = 0;
  };
  const walk = (node: DomNode, inLink: boolean, blockTag: string) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        if (text === '') tag = blockTag;
        const t = child.textContent ?? '';
        text += t;
        if (inLink) linkChars += t.replace(/\s+/g, ' ').trim().length;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = (child as DomElement).tagName.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === 'figcaption') {
        flush();
        const caption = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (caption) captions.push(caption);
        continue;
      }
      if (BLOCK.has(name)) {
        flush();
        walk(child, inLink, name);
        flush();
      } else {
        walk(child, inLink || name === 'a', blockTag);
      }
    }
  };
  walk(doc.body ?? doc.documentElement, false, 'div');
  flush();
  return { paragraphs, captions };
}
