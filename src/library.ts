/**
 * Everything the commands read, built once from the data folder: articles, their sentences and
 * the search index. Data flows one way: files → articles → sentences → index.
 */

import type { SpeakerEntity, Statement } from './attribution/types.js';
import { loadArticles } from './corpus/load.js';
import type { Article, Sentence, SkippedFile } from './corpus/types.js';
import { TextIndex } from './retrieval/textIndex.js';

export interface Library {
  /** The data folder it was built from. */
  dataDir: string;
  /** Articles in `sources` order (by file name). */
  articles: Article[];
  articleById: ReadonlyMap<string, Article>;
  /** Every sentence and caption; `sentences[id].id === id`. */
  sentences: Sentence[];
  /** One document per sentence and caption, field `text`. */
  sentenceIndex: TextIndex;
  /** Attributed statements, in corpus order; `statements[id].id === id`. */
  statements: Statement[];
  speakers: SpeakerEntity[];
  /** Files that could not be used, with the reason. */
  skipped: SkippedFile[];
  /** The article with this id; throws for an id the library does not hold (a programming error). */
  article(id: string): Article;
  /** How many statements an article has. */
  statementCount(articleId: string): number;
}

/** Loads the folder and builds the index. */
export async function buildLibrary(dataDir: string): Promise<Library> {
  const { parsed, skipped } = await loadArticles(dataDir);
  const articles = parsed.map((p) => p.article);
  const sentences = articles.flatMap((a) => a.sentences);
  const sentenceIndex = new TextIndex(['text']);
  sentenceIndex.addAll(sentences.map((s) => ({ id: s.id, text: s.text })));
  const statements: Statement[] = [];
  const speakers: SpeakerEntity[] = [];
  const statementsPerArticle = new Map<string, number>();
  for (const s of statements)
    statementsPerArticle.set(s.article, (statementsPerArticle.get(s.article) ?? 0) + 1);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  return {
    dataDir,
    articles,
    articleById,
    article(id) {
      const article = articleById.get(id);
      if (!article) throw new Error(`unknown article id ${id}`);
      return article;
    },
    sentences,
    sentenceIndex,
    statements,
    speakers,
    statementCount: (id) => statementsPerArticle.get(id) ?? 0,
    skipped,
  };
}
