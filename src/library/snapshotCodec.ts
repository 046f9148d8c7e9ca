/**
 * How a snapshot writes articles and the index compactly. A sentence's text is not saved: it is
 * restored as a slice of the article text (one copy of the words in memory, not two), and the
 * sentences' numbers go in columns rather than one JSON object each. The index goes in one binary
 * file of 32-bit integers plus a small JSON head.
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

type SavedArticle = Omit<Article, 'sentences'> & { sentences: SentenceColumns };

/** One ingested article's own part (sentence ids from 0) as a line of JSON. */
export function encodeArticle({ article }: IngestedArticle): string {
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
  const saved: SavedArticle = { ...article, sentences: columns };
  return JSON.stringify(saved);
}

/** One ingested article's attribution as a line of JSON. */
export const encodeAttribution = ({ attribution }: IngestedArticle): string => JSON.stringify(attribution);

/**
 * The article {@link encodeArticle} wrote, its sentences numbered from 0, with its attribution
 * read from `attributionLine` only when first asked for: a library loaded from a snapshot has its
 * statements and speakers merged already, and needs an article's attribution again only to merge
 * anew (a reload, a combined view), so most starts never parse it.
 */
export function decodeArticle(line: string, attributionLine: string): IngestedArticle {
  const article = JSON.parse(line) as SavedArticle;
  const c = article.sentences;
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
  let pending: string | null = attributionLine;
  let attribution: ArticleAttribution | undefined;
  return {
    article: { ...article, sentences },
    get attribution(): ArticleAttribution {
      if (attribution === undefined) {
        attribution = JSON.parse(pending as string) as ArticleAttribution;
        pending = null;
      }
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
