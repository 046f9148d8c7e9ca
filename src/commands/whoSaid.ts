import type { Statement } from '../attribution/types.js';
import type { Library } from '../library/library.js';
import { rankStatements, topicNameNotice } from '../retrieval/statements.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import { type Excerpt, statementExcerpt } from './results.js';

const { limit } = specOf('who-said');

/** `who-said <topic>`: attributed statements about the topic, best first. */
export const whoSaid: Command<'who-said'> = {
  name: 'who-said',
  run(library, options) {
    const article = options.article === undefined ? undefined : resolveArticle(library, options.article);
    const ranked = rankStatements(library, options.topic, {
      limit: options.limit ?? limit.default,
      ...(article ? { article: article.id } : {}),
    });
    const notice = topicNameNotice(library, options.topic, ranked.length);
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
