import type { Library } from '../library/library.js';
import type { CommandName, OptionsOf, SpecOf } from './definitions.js';
import type { ResultOfKind } from './results.js';

/** What a handler returns; the runner adds the command name, the kind and the input. */
export interface Answer<R> {
  results: R[];
  notice?: string;
}

/** The results a command's spec promises. */
export type ResultOf<N extends CommandName> = ResultOfKind[SpecOf<N>['results']];

/**
 * A command handler: a pure function from its validated, typed options (derived from the command
 * table) to an answer.
 */
export interface Command<N extends CommandName> {
  name: N;
  run(library: Library, options: OptionsOf<N>): Answer<ResultOf<N>>;
}
