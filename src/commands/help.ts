import type { Command } from './command.js';
import { COMMANDS } from './definitions.js';
import { usage } from './usage.js';

/** `help`: every command with how to call it. */
export const help: Command<'help'> = {
  name: 'help',
  run() {
    return {
      results: COMMANDS.map((c) => ({
        command: c.name,
        usage: usage(c, 'slash'),
        description: c.description,
      })),
      notice:
        'Citebot answers with the articles’ own words, each excerpt cited by article, paragraph and sentence.',
    };
  },
};
