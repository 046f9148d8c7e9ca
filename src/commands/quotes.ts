import { statementsBy, unknownSpeakerNotice } from '../retrieval/statements.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import type { Excerpt } from './results.js';
import { excerptOf } from './whoSaid.js';

/**
 * `quotes [speaker]`: that speaker's statements under any spelling of the name, in article order;
 * with no speaker, every statement.
 */
export const quotes: Command<Excerpt> = {
  spec: specOf('quotes'),
  run(library, options) {
    const article =
      options.article === undefined ? undefined : resolveArticle(library, String(options.article));
    const speaker = options.speaker === undefined ? undefined : String(options.speaker);
    const found = statementsBy(library, speaker, {
      ...(article ? { article: article.id } : {}),
      ...(typeof options.limit === 'number' ? { limit: options.limit } : {}),
    });
    const notice = speaker === undefined ? null : unknownSpeakerNotice(library, speaker);
    return { results: found.map((s) => excerptOf(library, s, 1)), ...(notice ? { notice } : {}) };
  },
};
