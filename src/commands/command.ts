import type { Library } from '../library.js';
import type { CommandSpec } from './definitions.js';
import type { Excerpt, HelpEntry, SourceEntry } from './results.js';
import type { OptionValues } from './validate.js';

/** What a handler returns; the runner adds the command name and the input. */
export interface Answer<R> {
  results: R[];
  notice?: string;
}

/** A command: its spec and a pure handler from validated options to an answer. */
export interface Command<R = Excerpt | SourceEntry | HelpEntry> {
  spec: CommandSpec;
  run(library: Library, options: OptionValues): Answer<R>;
}
