/**
 * Reads the data folder into articles (CONTRACT §2): front matter, layout, sentences with exact
 * offsets. A file that cannot be used is reported and skipped; the others still load.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sentenceFeatures } from '../nlp/features.js';
import { type AnalyzedSentence, analyzeParagraph } from '../nlp/pipeline.js';
import { FrontMatterError, readFrontMatter } from './frontMatter.js';
import { layoutBody } from './layout.js';
import type { Article, Paragraph, Sentence, SkippedFile } from './types.js';

/** Largest article file read, in bytes (CONTRACT §2). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = new Set(['.md', '.txt']);

export class ArticleError extends Error {}

/** One article with the per-sentence analysis that attribution needs before it is dropped. */
export interface ParsedArticle {
  article: Article;
  /** Analysis for each sentence of `article.sentences`, same order. */
  analyses: AnalyzedSentence[];
}

/**
 * Lists the article files directly in `dir` (symlinks to files included), sorted by name.
 * @throws if the folder itself cannot be read
 */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads and parses one file; throws {@link ArticleError} with a reader-facing reason. */
export async function readArticleFile(file: string, firstSentenceId = 0): Promise<ParsedArticle> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw new ArticleError(describeFsError(error));
  }
  if (!info.isFile()) throw new ArticleError('not a regular file');
  if (info.size > MAX_FILE_BYTES) throw new ArticleError(`larger than 5 MiB (${info.size} bytes)`);
  if (info.size === 0) throw new ArticleError('empty file');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ArticleError(describeFsError(error));
  }
  const text = decodeUtf8(bytes);
  const id = path.basename(file, path.extname(file));
  return parseArticle(id, file, text, Number(info.mtimeMs), firstSentenceId);
}

/** Decodes strict UTF-8; throws {@link ArticleError} for anything else, including binary files. */
export function decodeUtf8(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError('not UTF-8 text');
  }
  if (text.includes('\u0000')) throw new ArticleError('binary content (NUL bytes), not text');
  return text;
}

/**
 * Parses an article already in memory. Sentence ids start at `firstSentenceId`.
 *
 * @example
 * parseArticle('a', 'a.md', 'One. Two.', 0).article.sentences.length // 2
 */
export function parseArticle(
  id: string,
  file: string,
  text: string,
  mtimeMs: number,
  firstSentenceId = 0,
): ParsedArticle {
  if (text.trim() === '') throw new ArticleError('empty file');
  let front: ReturnType<typeof readFrontMatter>;
  try {
    front = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new ArticleError(error.message);
    throw error;
  }
  const layout = layoutBody(text, front.bodyStart);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const analyses: AnalyzedSentence[] = [];
  let nextId = firstSentenceId;
  for (const block of layout.blocks) {
    const number = paragraphs.length + 1;
    if (block.kind === 'caption') {
      const analysis = analyzeParagraph(text.slice(block.start, block.end), block.start);
      const tokens = analysis.flatMap((s) => s.tokens);
      if (tokens.length === 0) continue;
      paragraphs.push({ start: block.start, end: block.end, number, kind: 'caption' });
      analyses.push({ start: block.start, end: block.end, tokens });
      sentences.push(makeSentence(nextId++, id, text, number, 1, block, 'caption', tokens));
      continue;
    }
    const analysed = analyzeParagraph(text.slice(block.start, block.end), block.start);
    if (analysed.length === 0) continue;
    paragraphs.push({ start: block.start, end: block.end, number, kind: 'text' });
    analysed.forEach((s, i) => {
      analyses.push(s);
      sentences.push(makeSentence(nextId++, id, text, number, i + 1, s, 'sentence', s.tokens));
    });
  }
  if (!sentences.some((s) => s.kind === 'sentence')) throw new ArticleError('no sentences');
  const meta = {
    ...front.meta,
    title: front.meta.title ?? layout.heading ?? id,
    dateline: front.meta.dateline ?? layout.headerText,
  };
  return {
    article: {
      id,
      file,
      text,
      meta,
      mtimeMs,
      header: layout.header,
      credits: layout.credits,
      paragraphs,
      sentences,
    },
    analyses,
  };
}

function makeSentence(
  id: number,
  article: string,
  text: string,
  paragraph: number,
  sentence: number,
  span: { start: number; end: number },
  kind: Sentence['kind'],
  tokens: AnalyzedSentence['tokens'],
): Sentence {
  return {
    id,
    article,
    paragraph,
    sentence,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    kind,
    features: sentenceFeatures(tokens),
  };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'missing (a broken symlink?)';
    case 'ELOOP':
      return 'symlink loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return `cannot be read (${code ?? (error as Error).message})`;
  }
}

/** One file's outcome: its article with the analysis attribution needs, or why it was skipped. */
export type FileOutcome = { parsed: ParsedArticle } | { skipped: SkippedFile };

/**
 * Reads the usable articles in `dir` one at a time, in file-name order, so a caller can drop each
 * analysis before the next is made. Sentence ids start at 0 in every article.
 */
export async function* readArticles(dir: string, files?: string[]): AsyncGenerator<FileOutcome> {
  const seen = new Map<string, string>();
  for (const file of files ?? (await listArticleFiles(dir))) {
    const name = path.basename(file);
    const id = path.basename(file, path.extname(file));
    const clash = seen.get(id);
    if (clash) {
      yield { skipped: { file: name, reason: `same article id "${id}" as ${clash}` } };
      continue;
    }
    try {
      const parsed = await readArticleFile(file, 0);
      seen.set(id, name);
      yield { parsed };
    } catch (error) {
      // Nothing in a file may stop the others from loading: an unexpected failure is a reason too.
      const reason =
        error instanceof ArticleError ? error.message : `could not be processed (${String(error)})`;
      yield { skipped: { file: name, reason } };
    }
  }
}

/** Loads every usable article in `dir` (sentence ids in corpus order); reports the others in `skipped`. */
export async function loadArticles(
  dir: string,
): Promise<{ parsed: ParsedArticle[]; skipped: SkippedFile[] }> {
  const parsed: ParsedArticle[] = [];
  const skipped: SkippedFile[] = [];
  let nextId = 0;
  for await (const outcome of readArticles(dir)) {
    if ('skipped' in outcome) {
      skipped.push(outcome.skipped);
      continue;
    }
    const { article, analyses } = outcome.parsed;
    const sentences = article.sentences.map((s) => ({ ...s, id: s.id + nextId }));
    nextId += sentences.length;
    parsed.push({ article: { ...article, sentences }, analyses });
  }
  return { parsed, skipped };
}
