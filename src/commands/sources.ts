import type { Sentence } from '../corpus/types.js';
import type { Command } from './command.js';

/** Sentences as `sources` counts them: body sentences, not photo captions. */
export function sentenceCount(sentences: readonly Sentence[]): number {
  return sentences.reduce((n, s) => n + (s.kind === 'sentence' ? 1 : 0), 0);
}

/** `sources`: one entry per loaded article, in file-name order. */
export const sources: Command<'sources'> = {
  name: 'sources',
  run(library) {
    const results = library.articles.map((a) => ({
      article: a.id,
      title: a.meta.title,
      source: a.meta.source,
      published: a.meta.published,
      url: a.meta.url,
      sentences: sentenceCount(a.sentences),
      statements: library.statementCount(a.id),
      library: library.origins?.get(a.id) ?? ('shared' as const),
    }));
    const notice =
      results.length === 0
        ? `No articles are loaded. Add .md or .txt files to ${library.dataDir}.`
        : undefined;
    return { results, ...(notice ? { notice } : {}) };
  },
};
