/**
 * The command registry and the one entry point every surface uses: validate options, run the
 * handler, turn failures into result errors. Modules are checked against the specs when loaded.
 */
import type { Library } from '../library.js';
import { ask } from './ask.js';
import type { Command } from './command.js';
import { COMMANDS, type CommandName, commandSpec, type Surface } from './definitions.js';
import { CommandError } from './errors.js';
import { findSource } from './findSource.js';
import { help } from './help.js';
import { quotes } from './quotes.js';
import type { CommandResult } from './results.js';
import { sources } from './sources.js';
import { summary } from './summary.js';
import { validateOptions } from './validate.js';
import { whoSaid } from './whoSaid.js';

const handlers: Record<CommandName, Command> = {
  'who-said': whoSaid,
  quotes,
  summary,
  ask,
  sources,
  help,
  'find-source': findSource,
};

for (const spec of COMMANDS) {
  if (handlers[spec.name]?.spec !== spec) throw new Error(`command ${spec.name} has no matching handler`);
}

/** Called when a handler fails unexpectedly, so the surface can log it. */
export type InternalErrorHook = (error: unknown, command: string) => void;

/**
 * Runs a command by name with raw options from any surface. Never throws: bad input, unknown
 * articles and internal failures come back as `result.error` (CONTRACT §3 codes).
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
  const spec = commandSpec(name);
  if (!spec) {
    return {
      command: null,
      input: raw,
      results: [],
      error: { code: 'bad-input', message: `unknown command "${name}" (try help)` },
    };
  }
  let input: Record<string, unknown> = raw;
  try {
    const options = validateOptions(spec, raw, surface);
    input = options;
    const answer = handlers[spec.name].run(library, options);
    return { command: spec.name, input, ...answer } as CommandResult;
  } catch (error) {
    if (error instanceof CommandError) {
      return { command: spec.name, input, results: [], error: { code: error.code, message: error.message } };
    }
    onInternalError?.(error, spec.name);
    return {
      command: spec.name,
      input,
      results: [],
      error: { code: 'internal', message: 'something went wrong while answering; it has been logged' },
    };
  }
}
