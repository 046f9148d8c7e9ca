import { statementsBy, unknownSpeakerNotice } from '../retrieval/statements.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { excerptOf } from './whoSaid.js';

/**
 * `quotes [speaker]`: that speaker's statements under any spelling of the name, in article order;
 * with no speaker, every statement.
 */
export const quotes: Command<'quotes'> = {
  name: 'quotes',
  run(library, options) {
    const article = options.article === undefined ? undefined : resolveArticle(library, options.article);
    const speaker = options.speaker;
    const found = statementsBy(library, speaker, {
      ...(article ? { article: article.id } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });
    const notice = speaker === undefined ? null : unknownSpeakerNotice(library, speaker);
    return { results: found.map((s) => excerptOf(library, s, 1)), ...(notice ? { notice } : {}) };
  },
};
