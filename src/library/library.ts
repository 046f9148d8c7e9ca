/**
 * Everything the commands read, built from the data folder. Data flows one way: files → articles
 * → sentences and statements → indexes. Each article is analysed once and kept as an
 * {@link IngestedArticle} (its tokens are dropped); the library is assembled from those.
 */
import path from 'node:path';
import { type ArticleAttribution, type Attribution, mergeAttributions } from '../attribution/attribute.js';
import type { SpeakerEntity, Statement } from '../attribution/types.js';
import { listArticleFiles } from '../corpus/load.js';
import type { Article, Sentence, SkippedFile } from '../corpus/types.js';
import type { IngestedArticle } from '../ingest/article.js';
import { ingestInOrder } from '../ingest/pool.js';
import { indexTerms } from '../nlp/terms.js';
import { SpeakerDirectory } from '../retrieval/speakerDirectory.js';
import { prepareSuggestions } from '../retrieval/suggest.js';
import { TextIndex, TextIndexBuilder } from '../retrieval/textIndex.js';

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
  /** One per speaker, name variants merged; `speakers[id].id === id`. */
  speakers: SpeakerEntity[];
  /** Speakers by name: who a text names, who a typed name means, suggestions. */
  speakerDirectory: SpeakerDirectory;
  /** Speakers whose name, alias or description has the word (a stem from the term pipeline). */
  speakersWithWord(stem: string): readonly number[];
  /** Ids of the statements whose excerpt includes a sentence (empty for most sentences). */
  statementsAt(sentenceId: number): number[];
  /** Files that could not be used, with the reason. */
  skipped: SkippedFile[];
  /**
   * The analysed articles it was assembled from, for snapshots and reloads. Their sentences are
   * the library's own (global ids); {@link localCopy} gives one back its local ids.
   */
  ingested: readonly IngestedArticle[];
  /** The article with this id; throws for an id the library does not hold (a programming error). */
  article(id: string): Article;
  /** How many statements an article has. */
  statementCount(articleId: string): number;
  /** Which library each article of a combined view comes from (absent: all shared). */
  origins?: ReadonlyMap<string, LibraryKind>;
}

/** What `sources` calls an article's library (CONTRACT §6). */
export type LibraryKind = 'shared' | 'server' | 'personal';

export type { IngestedArticle } from '../ingest/article.js';
export { ingestArticle } from '../ingest/article.js';

/** Reads, analyses (on all cores for big folders) and indexes the folder. `onArticle` hears of each file. */
export async function buildLibrary(
  dataDir: string,
  onArticle?: (file: string, done: number) => void,
): Promise<Library> {
  const files = await listArticleFiles(dataDir);
  const skipped: SkippedFile[] = [];
  const toRead: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file);
    const id = path.basename(file, path.extname(file));
    const clash = seen.get(id);
    if (clash) skipped.push({ file: name, reason: `same article id "${id}" as ${clash}` });
    else {
      seen.set(id, name);
      toRead.push(file);
    }
  }
  // The sentence index is built while the workers read, from the terms they worked out, in file
  // order (sentence ids are global in that order): the same index addAll would build.
  const ingested: IngestedArticle[] = [];
  const builder = new TextIndexBuilder();
  let nextId = 0;
  await ingestInOrder(
    toRead,
    (outcome, i) => {
      if (!('ingested' in outcome)) {
        skipped.push({ file: path.basename(toRead[i] as string), reason: outcome.error });
        return;
      }
      ingested.push(outcome.ingested);
      builder.addArticle(nextId, outcome.terms);
      nextId += outcome.ingested.article.sentences.length;
    },
    onArticle,
  );
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return assembleLibrary(dataDir, ingested, skipped, builder.finish());
}

/**
 * Builds a library from ingested articles, in the order given (sources order). A snapshot passes
 * the index and the merged statements and speakers it saved for exactly these articles.
 */
export function assembleLibrary(
  dataDir: string,
  ingested: readonly IngestedArticle[],
  skipped: SkippedFile[],
  sentenceIndex?: TextIndex,
  merged?: Attribution,
): Library {
  const placed = placeArticles(ingested);
  const index = sentenceIndex ?? new TextIndex(['text']);
  if (!sentenceIndex) index.addAll(indexDocs(placed.sentences));
  return finish(dataDir, ingested, placed, index, skipped, merged);
}

/** {@link assembleLibrary}, indexing in chunks so that a library already serving keeps answering. */
export async function assembleLibraryAsync(
  dataDir: string,
  ingested: readonly IngestedArticle[],
  skipped: SkippedFile[],
): Promise<Library> {
  const placed = placeArticles(ingested);
  const index = new TextIndex(['text']);
  await index.addAllAsync(indexDocs(placed.sentences));
  return finish(dataDir, ingested, placed, index, skipped);
}

interface Placed {
  placed: { article: Article; attribution: ArticleAttribution }[];
  sentences: Sentence[];
}

/**
 * Gives sentences their global ids, in corpus order. It renumbers the articles given, which must
 * not belong to a library in service (see {@link localCopy}).
 */
function placeArticles(ingested: readonly IngestedArticle[]): Placed {
  let offset = 0;
  for (const { article } of ingested) {
    article.sentences.forEach((s, i) => {
      s.id = offset + i;
    });
    offset += article.sentences.length;
  }
  return { placed: [...ingested], sentences: ingested.flatMap((p) => p.article.sentences) };
}

/** An ingested article of a library with its sentences copied and numbered from 0 again. */
export function localCopy({ article, attribution }: IngestedArticle): IngestedArticle {
  return {
    article: { ...article, sentences: article.sentences.map((s, i) => ({ ...s, id: i })) },
    attribution,
  };
}

function indexDocs(sentences: readonly Sentence[]) {
  return sentences.map((s) => ({ id: s.id, text: s.text }));
}

function finish(
  dataDir: string,
  ingested: readonly IngestedArticle[],
  { placed, sentences }: Placed,
  sentenceIndex: TextIndex,
  skipped: SkippedFile[],
  merged?: Attribution,
): Library {
  const articles = placed.map((p) => p.article);
  const { statements, speakers } = merged ?? mergeAttributions(placed);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  // Statements are found through the sentence index (their excerpts are sentences), so their
  // words are indexed once; a word map of speakers covers names and roles.
  const speakerWords = new Map<string, number[]>();
  for (const sp of speakers) {
    for (const term of new Set(indexTerms([sp.name, ...sp.aliases, sp.description ?? ''].join(' ')))) {
      const ids = speakerWords.get(term) ?? [];
      ids.push(sp.id);
      speakerWords.set(term, ids);
    }
  }
  const firstStatement = new Int32Array(sentences.length).fill(-1);
  for (const st of statements) {
    for (let k = st.firstSentence; k <= st.lastSentence; k++)
      if (firstStatement[k] === -1) firstStatement[k] = st.id;
  }
  const statementsAt = (sentenceId: number): number[] => {
    const out: number[] = [];
    const first = firstStatement[sentenceId] ?? -1;
    if (first < 0) return out;
    for (let id = first; id < statements.length; id++) {
      const st = statements[id] as Statement;
      if (st.firstSentence > sentenceId) break;
      if (st.lastSentence >= sentenceId) out.push(id);
    }
    return out;
  };
  prepareSuggestions(articles);
  const statementsPerArticle = new Map<string, number>();
  for (const s of statements)
    statementsPerArticle.set(s.article, (statementsPerArticle.get(s.article) ?? 0) + 1);
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
    speakerDirectory: new SpeakerDirectory(speakers),
    speakersWithWord: (stem) => speakerWords.get(stem) ?? [],
    statementsAt,
    statementCount: (id) => statementsPerArticle.get(id) ?? 0,
    skipped,
    ingested,
  };
}
