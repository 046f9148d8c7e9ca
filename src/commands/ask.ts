import { rankSentences } from '../retrieval/ask.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import type { Excerpt } from './results.js';
import { sentenceExcerpt } from './results.js';

/** `ask <question>`: the sentences that answer it, best first. */
export const ask: Command<Excerpt> = {
  spec: specOf('ask'),
  run(library, options) {
    const article =
      options.article === undefined ? undefined : resolveArticle(library, String(options.article));
    const ranked = rankSentences(library.sentenceIndex, library.sentences, String(options.question), {
      limit: typeof options.limit === 'number' ? options.limit : 5,
      ...(article ? { filter: (s) => s.article === article.id } : {}),
    });
    return {
      results: ranked.map((r) => sentenceExcerpt(library.article(r.sentence.article), r.sentence, r.score)),
    };
  },
};
