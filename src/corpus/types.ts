import type { AnalyzedSentence } from '../nlp/pipeline.js';

/** A half-open range of JavaScript string offsets into an article file's full text. */
export interface Span {
  start: number;
  end: number;
}

/** Front-matter fields, after validation (README: "Articles"). */
export interface ArticleMeta {
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  dateline: string | null;
  authors: string[];
}

/**
 * A block of the article body that readers see as a paragraph. Captions count as paragraphs
 * (they sit between paragraphs and are cited as such); the dateline block and credits do not.
 */
export interface Paragraph extends Span {
  /** 1-based position among the body's paragraphs. */
  number: number;
  kind: 'text' | 'caption';
}

/** A sentence (or a photo caption) with its place in the article. */
export interface Sentence extends Span {
  /** Global id, unique within one library build; also the search-index document id. */
  id: number;
  article: string;
  /** 1-based paragraph number within the body. */
  paragraph: number;
  /** 1-based sentence number within the paragraph. */
  sentence: number;
  /** Exactly `article.text.slice(start, end)`. */
  text: string;
  kind: 'sentence' | 'caption';
  /** What the sentence mentions, for answer-type matching (see {@link Features}). */
  features: number;
}

// What a sentence mentions is found by the language pipeline; the flags live with it.
export { Features } from '../nlp/featureFlags.js';

export interface Article {
  /** The file name without its extension. */
  id: string;
  /** Absolute path of the file. */
  file: string;
  /** The whole file as read from disk, front matter included; every offset points into it. */
  text: string;
  meta: ArticleMeta;
  /** File modification time, used when `published` is missing. */
  mtimeMs: number;
  /** The dateline / byline block or prefix at the top of the body, if any. */
  header: Span | null;
  /** Trailing credits ("CNN's … reported.") and similar non-content lines. */
  credits: Span[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** One article with the per-sentence analysis that attribution needs before it is dropped. */
export interface ParsedArticle {
  article: Article;
  /** Analysis for each sentence of `article.sentences`, same order. */
  analyses: AnalyzedSentence[];
}

/** A file that could not be used, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}
