/**
 * How a snapshot writes articles and the index compactly. A sentence's text is not saved: it is
 * restored as a slice of the article text (one copy of the words in memory, not two), and the
 * sentences' numbers go in columns rather than one JSON object each. Article texts go in a binary
 * file of their own, each as Latin-1 (one byte a character) or UTF-16 (two), the way the engine
 * holds strings, so reading one back is a copy, not a UTF-8 decode plus a JSON string scan (those
 * were most of a 10,000-article start). The index goes in one binary file of 32-bit integers plus
 * a small JSON head.
 */
import type { ArticleAttribution } from '../attribution/attribute.js';
import type { Article, Sentence } from '../corpus/types.js';
import type { BinaryIndex } from '../retrieval/miniInternals.js';
import type { TextIndexBinary } from '../retrieval/textIndex.js';
import type { IngestedArticle } from './library.js';

/** The sentences of one article, column by column (`caption`: indexes of the captions). */
interface SentenceColumns {
  paragraph: number[];
  sentence: number[];
  start: number[];
  end: number[];
  features: number[];
  caption: number[];
}

/** Where an article's text is in the texts file: byte offset, byte length, 1 when UTF-16 (else Latin-1). */
type TextAt = [offset: number, bytes: number, wide: 0 | 1];

type SavedArticle = Omit<Article, 'sentences' | 'text'> & { sentences: SentenceColumns; textAt: TextAt };

/** Whether every character of `text` fits in one byte (Latin-1). */
const narrow = (text: string): boolean => !/[\u0100-\uffff]/.test(text);

/**
 * The articles' texts as one buffer (each Latin-1 when it can be, else UTF-16) and where each is.
 */
export function encodeTexts(articles: readonly IngestedArticle[]): { body: Buffer; at: TextAt[] } {
  const parts: Buffer[] = [];
  const at: TextAt[] = [];
  let offset = 0;
  for (const { article } of articles) {
    const wide = narrow(article.text) ? 0 : 1;
    const bytes = Buffer.from(article.text, wide ? 'utf16le' : 'latin1');
    at.push([offset, bytes.byteLength, wide]);
    parts.push(bytes);
    offset += bytes.byteLength;
  }
  return { body: Buffer.concat(parts, offset), at };
}

/** One ingested article's own part (sentence ids from 0, the text left to the texts file) as a line of JSON. */
export function encodeArticle({ article }: IngestedArticle, textAt: TextAt): string {
  const columns: SentenceColumns = {
    paragraph: [],
    sentence: [],
    start: [],
    end: [],
    features: [],
    caption: [],
  };
  article.sentences.forEach((s, i) => {
    columns.paragraph.push(s.paragraph);
    columns.sentence.push(s.sentence);
    columns.start.push(s.start);
    columns.end.push(s.end);
    columns.features.push(s.features);
    if (s.kind === 'caption') columns.caption.push(i);
  });
  const { text: _text, ...rest } = article;
  const saved: SavedArticle = { ...rest, sentences: columns, textAt };
  return JSON.stringify(saved);
}

/** One ingested article's attribution as a line of JSON. */
export const encodeAttribution = ({ attribution }: IngestedArticle): string => JSON.stringify(attribution);

/** The bytes of a JSON Lines file, line by line, decoded only when a line is asked for. */
export class LazyLines {
  private readonly starts: number[] = [];

  constructor(private readonly body: Buffer) {
    if (body.byteLength === 0) return;
    let at = 0;
    for (;;) {
      this.starts.push(at);
      const next = body.indexOf(10, at);
      if (next < 0) break;
      at = next + 1;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `i` (without its line break). */
  line(i: number): string {
    const start = this.starts[i] as number;
    const next = this.starts[i + 1];
    return this.body.toString('utf8', start, next === undefined ? this.body.byteLength : next - 1);
  }
}

/**
 * The article {@link encodeArticle} wrote, its text from `texts` and its sentences numbered from
 * 0, with its attribution read (line `index` of `attributions`) only when first asked for: a
 * library loaded from a snapshot has its statements and speakers merged already, and needs an
 * article's attribution again only to merge anew (a reload, a combined view), so most starts
 * never parse it.
 */
export function decodeArticle(
  line: string,
  texts: Buffer,
  attributions: LazyLines,
  index: number,
): IngestedArticle {
  const { textAt, ...saved } = JSON.parse(line) as SavedArticle;
  const [offset, bytes, wide] = textAt;
  if (offset + bytes > texts.byteLength) throw new Error('snapshot texts are truncated');
  const text = texts.toString(wide ? 'utf16le' : 'latin1', offset, offset + bytes);
  // The text back in its place among the fields (after id and file), as an analysed article has it.
  const article = Object.assign({ id: saved.id, file: saved.file, text }, saved);
  const c = saved.sentences;
  const captions = new Set(c.caption);
  const sentences: Sentence[] = c.start.map((start, i) => {
    const end = c.end[i] as number;
    return {
      id: i,
      article: article.id,
      paragraph: c.paragraph[i] as number,
      sentence: c.sentence[i] as number,
      start,
      end,
      text: article.text.slice(start, end),
      kind: captions.has(i) ? 'caption' : 'sentence',
      features: c.features[i] as number,
    };
  });
  let attribution: ArticleAttribution | undefined;
  return {
    article: { ...article, sentences },
    get attribution(): ArticleAttribution {
      attribution ??= JSON.parse(attributions.line(index)) as ArticleAttribution;
      return attribution;
    },
  };
}

/** The JSON head of a saved index (the arrays' lengths say where each starts in the binary file). */
export interface IndexHead extends Omit<TextIndexBinary, 'binary'> {
  head: BinaryIndex['head'];
  lengths: { documents: number; counts: number; postings: number };
}

/** A binary index as its JSON head and one buffer. */
export function encodeIndex(index: TextIndexBinary): { head: string; body: Buffer } {
  const { binary, ...rest } = index;
  const lengths = {
    documents: binary.documents.length,
    counts: binary.counts.length,
    postings: binary.postings.length,
  };
  const head: IndexHead = { ...rest, head: binary.head, lengths };
  const body = Buffer.concat(
    [binary.documents, binary.counts, binary.postings].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    ),
  );
  return { head: JSON.stringify(head), body };
}

/** The index {@link encodeIndex} wrote; throws when the head and body do not fit together. */
export function decodeIndex(headText: string, body: Buffer): TextIndexBinary {
  const { head, lengths, ...rest } = JSON.parse(headText) as IndexHead;
  const words = lengths.documents + lengths.counts + lengths.postings;
  if (body.byteLength !== words * 4) throw new Error('snapshot index is truncated');
  // Copied into an aligned buffer of its own (a file read may start at any byte offset).
  const all = new Uint32Array(words);
  new Uint8Array(all.buffer).set(body);
  const documents = all.subarray(0, lengths.documents);
  const counts = all.subarray(lengths.documents, lengths.documents + lengths.counts);
  const postings = all.subarray(lengths.documents + lengths.counts);
  return { ...rest, binary: { head, documents, counts, postings } };
}
