import type { Statement } from '../attribution/types.js';
import type { Library } from '../library.js';
import { rankStatements, topicNameNotice } from '../retrieval/statements.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import { type Excerpt, statementExcerpt } from './results.js';

/** `who-said <topic>`: attributed statements about the topic, best first. */
export const whoSaid: Command<Excerpt> = {
  spec: specOf('who-said'),
  run(library, options) {
    const article =
      options.article === undefined ? undefined : resolveArticle(library, String(options.article));
    const ranked = rankStatements(library, String(options.topic), {
      limit: typeof options.limit === 'number' ? options.limit : 5,
      ...(article ? { article: article.id } : {}),
    });
    const notice = topicNameNotice(library, String(options.topic), ranked.length);
    return {
      results: ranked.map((r) => excerptOf(library, r.statement, r.score)),
      ...(notice ? { notice } : {}),
    };
  },
};

/** A statement as a cited result. */
export function excerptOf(library: Library, statement: Statement, score: number): Excerpt {
  const article = library.article(statement.article);
  const first = library.sentences[statement.firstSentence];
  if (!first) throw new Error(`statement ${statement.id} has no first sentence`);
  const speaker = statement.speaker === null ? null : (library.speakers[statement.speaker] ?? null);
  return statementExcerpt(article, statement, first, speaker, score);
}
