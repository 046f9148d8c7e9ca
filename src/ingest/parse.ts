/**
 * One article file → an Article (README: "Articles"): front matter and layout from corpus/, then
 * the language pipeline splits each paragraph into sentences with exact offsets and keeps the
 * per-sentence analysis that attribution needs. A file that cannot be used is reported and
 * skipped; the others still load.
 */
import path from 'node:path';
import { FrontMatterError, readFrontMatter } from '../corpus/frontMatter.js';
import { layoutBody } from '../corpus/layout.js';
import { ArticleError, listArticleFiles, readArticleText } from '../corpus/load.js';
import type { Paragraph, ParsedArticle, Sentence, SkippedFile } from '../corpus/types.js';
import { sentenceFeatures } from '../nlp/features.js';
import { type AnalyzedSentence, analyzeParagraph, joinTokens } from '../nlp/pipeline.js';

/** Reads and parses one file; throws {@link ArticleError} with a reader-facing reason. */
export async function readArticleFile(file: string, firstSentenceId = 0): Promise<ParsedArticle> {
  const { id, text, mtimeMs } = await readArticleText(file);
  return parseArticle(id, file, text, mtimeMs, firstSentenceId);
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
      const tokens = joinTokens(analysis);
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
