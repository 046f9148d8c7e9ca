import type { Command } from './command.js';
import { specOf } from './definitions.js';
import type { SourceEntry } from './results.js';

/** `sources`: one entry per loaded article, in file-name order. */
export const sources: Command<SourceEntry> = {
  spec: specOf('sources'),
  run(library) {
    const results = library.articles.map((a) => ({
      article: a.id,
      title: a.meta.title,
      source: a.meta.source,
      published: a.meta.published,
      url: a.meta.url,
      sentences: a.sentences.filter((s) => s.kind === 'sentence').length,
      statements: library.statementCount(a.id),
    }));
    const notice =
      results.length === 0
        ? `No articles are loaded. Add .md or .txt files to ${library.dataDir}.`
        : undefined;
    return { results, ...(notice ? { notice } : {}) };
  },
};
