import { findSources } from '../retrieval/statements.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import { excerptOf } from './whoSaid.js';

const { limit } = specOf('find-source');

/** `find-source <text>`: the statements a retold quote comes from, with how the wording differs. */
export const findSource: Command<'find-source'> = {
  name: 'find-source',
  run(library, options) {
    const matches = findSources(library, options.text, options.limit ?? limit.default);
    return { results: matches.map((m) => ({ ...excerptOf(library, m.statement, m.score), diff: m.diff })) };
  },
};
