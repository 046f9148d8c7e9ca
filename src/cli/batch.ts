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
  const request = readLine(line);
  if ('kind' in request) return request;
  return runCommand(library, request.command, request.options, 'any', onInternalError);
}

/** What one batch line asks, or its failed result. */
export function readLine(
  line: string,
): CommandResult | { command: string; options: Record<string, unknown> } {
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
  return { command: command.trim(), options: (options ?? {}) as Record<string, unknown> };
}

function badLine(message: string): CommandResult {
  return failed(null, null, { code: 'bad-input', message });
}

/** Reads `input` to its end, writing one JSON line per non-blank input line. */
export async function runBatch(
  answer: (command: string, options: Record<string, unknown>) => Promise<CommandResult>,
  input: Readable,
  write: (line: string) => void,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const request = readLine(line);
    const result = 'kind' in request ? request : await answer(request.command, request.options);
    write(JSON.stringify(toJson(result)));
  }
}
