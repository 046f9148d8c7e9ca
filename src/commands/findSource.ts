import { findSources } from '../retrieval/statements.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import type { Excerpt } from './results.js';
import { excerptOf } from './whoSaid.js';

/** `find-source <text>`: the statements a retold quote comes from, with how the wording differs. */
export const findSource: Command<Excerpt> = {
  spec: specOf('find-source'),
  run(library, options) {
    const limit = typeof options.limit === 'number' ? options.limit : 3;
    const matches = findSources(library, String(options.text), limit);
    return { results: matches.map((m) => ({ ...excerptOf(library, m.statement, m.score), diff: m.diff })) };
  },
};
