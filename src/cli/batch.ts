/**
 * `batch`: JSON Lines in, one JSON line out per non-blank line, in order, as soon as each is
 * answered. A bad line gets its error object and the next line is read.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { failed, type InternalErrorHook, runCommand } from '../commands/index.js';
import type { CommandResult } from '../commands/results.js';
import type { Library } from '../library/library.js';
import { toJson } from '../render/json.js';

/**
 * Answers one batch line.
 *
 * @example
 * answerLine(library, '{"command": "sources"}').command // 'sources'
 */
export function answerLine(
  library: Library,
  line: string,
  onInternalError?: InternalErrorHook,
): CommandResult {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return badLine('the line is not valid JSON');
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return badLine('each line must be a JSON object like {"command": "ask", "options": {"question": "…"}}');
  }
  const { command, options } = request as { command?: unknown; options?: unknown };
  if (typeof command !== 'string' || command.trim() === '')
    return badLine('"command" must be a command name');
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    return badLine('"options" must be a JSON object');
  }
  return runCommand(
    library,
    command.trim(),
    (options ?? {}) as Record<string, unknown>,
    'any',
    onInternalError,
  );
}

function badLine(message: string): CommandResult {
  return failed(null, null, { code: 'bad-input', message });
}

/** Reads `input` to its end, writing one JSON line per non-blank input line. */
export async function runBatch(
  library: Library,
  input: Readable,
  write: (line: string) => void,
  onInternalError?: InternalErrorHook,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    write(JSON.stringify(toJson(answerLine(library, line, onInternalError))));
  }
}
