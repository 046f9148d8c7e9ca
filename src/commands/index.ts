/**
 * The command registry and the one entry point every surface uses: validate options, run the
 * handler, turn failures into result errors.
 */
import type { Library } from '../library/library.js';
import { ask } from './ask.js';
import type { Command } from './command.js';
import { type CommandName, isCommandName, type OptionsOf, type Surface, specOf } from './definitions.js';
import { badInput, CommandError } from './errors.js';
import { findSource } from './findSource.js';
import { help } from './help.js';
import { quotes } from './quotes.js';
import type { CommandResult, FailedResult, ResultError } from './results.js';
import { sources } from './sources.js';
import { summary } from './summary.js';
import { validateOptions } from './validate.js';
import { whoSaid } from './whoSaid.js';

/** Every command's handler, typed by the command table: a missing or mistyped one does not compile. */
const handlers: { [N in CommandName]: Command<N> } = {
  'who-said': whoSaid,
  quotes,
  summary,
  ask,
  sources,
  help,
  'find-source': findSource,
  add: asynchronous('add'),
  remove: asynchronous('remove'),
};

/** add and remove write to a library: the surfaces run them (library/libraries.ts), never this table. */
function asynchronous<N extends 'add' | 'remove'>(name: N): Command<N> {
  return {
    name,
    run() {
      throw badInput(`${name} changes a library; it runs from the CLI, batch and Discord`);
    },
  };
}

/** Called when a handler fails unexpectedly, so the surface can log it. */
export type InternalErrorHook = (error: unknown, command: string) => void;

/** A failed result for `command` (as asked) and `input`. */
export function failed(
  command: string | null,
  input: Record<string, unknown> | null,
  error: ResultError,
): FailedResult {
  return { kind: 'failed', command, input, results: [], error };
}

/**
 * Runs a command by name with raw options from any surface. Never throws: bad input, unknown
 * articles and internal failures come back as `result.error` (README: "Command-line interface",
 * exit codes).
 *
 * @example
 * runCommand(library, 'ask', { question: 'Who won?' }, 'cli').results
 */
export function runCommand(
  library: Library,
  name: string,
  raw: Record<string, unknown>,
  surface: Surface | 'any',
  onInternalError?: InternalErrorHook,
): CommandResult {
  if (!isCommandName(name)) {
    const message =
      name.trim() === '' ? 'no command given (try help)' : `unknown command "${name}" (try help)`;
    return failed(name, raw, { code: 'bad-input', message });
  }
  let input: Record<string, unknown> = raw;
  try {
    const options = validateOptions(specOf(name), raw, surface);
    input = options;
    return run(library, name, options as OptionsOf<typeof name>);
  } catch (error) {
    if (error instanceof CommandError)
      return failed(name, input, { code: error.code, message: error.message });
    onInternalError?.(error, name);
    return failed(name, input, {
      code: 'internal',
      message: 'something went wrong while answering; it has been logged',
    });
  }
}

/** Runs a handler on options validated against its spec. */
function run<N extends CommandName>(library: Library, name: N, options: OptionsOf<N>): CommandResult {
  const answer = handlers[name].run(library, options);
  const kind = specOf(name).results;
  // The kind comes from the same spec as the handler's result type, so they agree.
  return { kind, command: name, input: options, ...answer } as CommandResult;
}
