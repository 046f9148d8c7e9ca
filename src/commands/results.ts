/** The result objects every command returns and every surface renders (README: "Command-line interface"). */
import type { SpeakerEntity, Statement } from '../attribution/types.js';
import type { Article, Sentence } from '../corpus/types.js';
import type { CommandName } from './definitions.js';
import type { ErrorCode } from './errors.js';

export interface Citation {
  article: string;
  title: string;
  /** 1-based, within the article body. */
  paragraph: number;
  /** 1-based, within the paragraph. */
  sentence: number;
  /** Offsets into the article file: `file.slice(start, end)` is the excerpt. */
  start: number;
  end: number;
  url: string | null;
}

export interface Speaker {
  name: string;
  aliases: string[];
  description: string | null;
}

import type { DiffPart } from '../retrieval/diffPart.js';

export type { DiffPart };

/** A cited piece of an article: a sentence, a caption or an attributed statement. */
export interface Excerpt {
  text: string;
  quote?: string;
  quoteStart?: number;
  quoteEnd?: number;
  speaker: Speaker | null;
  citation: Citation;
  score: number;
  /** For find-source: the words that differ between the user's text and the original. */
  diff?: DiffPart[];
  /** Not printed in JSON: lets renderers mark captions. */
  kind: 'sentence' | 'caption' | 'statement';
}

export interface SourceEntry {
  article: string;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
  sentences: number;
  statements: number;
  /** Which library the article is in (CONTRACT §6). */
  library: 'shared' | 'server' | 'personal';
}

export interface HelpEntry {
  command: string;
  usage: string;
  description: string;
}

export interface ResultError {
  code: ErrorCode;
  message: string;
}

interface Base {
  /** The command as asked: a name in the table, an unknown name (echoed), or null when none was given. */
  command: string | null;
  /** The validated options (the raw ones when validation failed); null for a batch line that is no object. */
  input: Record<string, unknown> | null;
  /** A sentence for the reader about the answer as a whole ("Summary of the most recent article: …"). */
  notice?: string;
  error?: ResultError;
}

/** Cited excerpts: who-said, quotes, summary, ask, find-source. */
export interface ExcerptResult extends Base {
  kind: 'excerpts';
  command: CommandName;
  results: Excerpt[];
}
export interface SourcesResult extends Base {
  kind: 'sources';
  /** `add` and `remove` answer with the article they added or removed. */
  command: 'sources' | 'add' | 'remove';
  results: SourceEntry[];
}
export interface HelpResult extends Base {
  kind: 'help';
  command: 'help';
  results: HelpEntry[];
}
/** A request that failed: unknown command, bad options, unknown article, an internal error. */
export interface FailedResult extends Base {
  kind: 'failed';
  results: never[];
  error: ResultError;
}

/** What every command returns and every surface renders; `kind` says which results it holds. */
export type CommandResult = ExcerptResult | SourcesResult | HelpResult | FailedResult;

/** The result type of each kind of command. */
export interface ResultOfKind {
  excerpts: Excerpt;
  sources: SourceEntry;
  help: HelpEntry;
}

/** The citation for `start`–`end` in `article`, counted from the sentence that contains `start`. */
export function citationFor(article: Article, first: Sentence, start: number, end: number): Citation {
  return {
    article: article.id,
    title: article.meta.title,
    paragraph: first.paragraph,
    sentence: first.sentence,
    start,
    end,
    url: article.meta.url,
  };
}

/** A sentence (or caption) as a result. */
export function sentenceExcerpt(article: Article, sentence: Sentence, score: number): Excerpt {
  return {
    text: sentence.text,
    speaker: null,
    citation: citationFor(article, sentence, sentence.start, sentence.end),
    score,
    kind: sentence.kind,
  };
}

/** A statement as a result: the excerpt, the attributed words, the speaker, the citation. */
export function statementExcerpt(
  article: Article,
  statement: Statement,
  firstSentence: Sentence,
  speaker: SpeakerEntity | null,
  score: number,
): Excerpt {
  return {
    text: article.text.slice(statement.start, statement.end),
    quote: article.text.slice(statement.quoteStart, statement.quoteEnd),
    quoteStart: statement.quoteStart,
    quoteEnd: statement.quoteEnd,
    speaker: speaker
      ? { name: speaker.name, aliases: [...speaker.aliases], description: speaker.description }
      : null,
    citation: citationFor(article, firstSentence, statement.start, statement.end),
    score,
    kind: 'statement',
  };
}
