import type { Command } from './command.js';
import { type CommandName, specOf } from './definitions.js';
import { badInput } from './errors.js';
import type { Excerpt } from './results.js';

/** A command whose logic has not landed yet: it says so, and never answers with a placeholder. */
export function unavailable(name: CommandName): Command<Excerpt> {
  return {
    spec: specOf(name),
    run() {
      throw badInput(`${name} is not available yet`);
    },
  };
}
