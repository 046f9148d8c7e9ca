import { rankSentences } from '../retrieval/ask.js';
import { speakersNamedIn } from '../retrieval/statements.js';
import { resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import { sentenceExcerpt } from './results.js';

const { limit } = specOf('ask');

/** `ask <question>`: the sentences that answer it, best first. */
export const ask: Command<'ask'> = {
  name: 'ask',
  run(library, options) {
    const article = options.article === undefined ? undefined : resolveArticle(library, options.article);
    // A person named in the question: what they said comes first.
    const { speakers } = speakersNamedIn(library, options.question);
    const theirs = new Set<number>();
    for (const speaker of speakers) {
      for (const id of speaker.statements) {
        const s = library.statements[id];
        if (s) for (let k = s.firstSentence; k <= s.lastSentence; k++) theirs.add(k);
      }
    }
    const ranked = rankSentences(library.sentenceIndex, library.sentences, options.question, {
      limit: options.limit ?? limit.default,
      ...(article ? { filter: (s) => s.article === article.id } : {}),
      ...(theirs.size > 0 ? { prefer: (s) => theirs.has(s.id) } : {}),
    });
    return {
      results: ranked.map((r) => sentenceExcerpt(library.article(r.sentence.article), r.sentence, r.score)),
    };
  },
};
