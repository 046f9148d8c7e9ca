/**
 * Local console mode: the same commands and answers as in Discord, typed at a prompt or piped in,
 * rendered for a terminal.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isArticle } from '../commands/articles.js';
import { failed, type InternalErrorHook, runCommand } from '../commands/index.js';
import { parsePlainRequest, parseSlashLine } from '../commands/parseText.js';
import type { CommandResult } from '../commands/results.js';
import type { Library } from '../library/library.js';
import { toText } from '../render/text.js';

const EXIT = /^\/?(?:exit|quit|bye|\.exit)$/i;

/**
 * Answers one console line: `/command …` in slash form, or plain words as in a DM.
 *
 * @example
 * answerConsoleLine(library, '/ask Who will not discuss the exchange of territory?')
 */
export function answerConsoleLine(
  library: Library,
  line: string,
  onInternalError?: InternalErrorHook,
): CommandResult {
  const request = line.trim().startsWith('/')
    ? parseSlashLine(line)
    : parsePlainRequest(line, (value) => isArticle(library, value));
  if (request.stray !== undefined) {
    return failed(request.command, request.options, {
      code: 'bad-input',
      message: `/${request.command} takes options as name:value, not "${request.stray}"`,
    });
  }
  return runCommand(library, request.command, request.options, 'any', onInternalError);
}

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** True when a person is typing (show a prompt); false for piped input. */
  interactive: boolean;
}

/** Runs the prompt until end of input or `exit`. */
export async function runConsole(
  /** The library to answer from, as it is when each line is read (a holder, or one library's view). */
  holder: { get(): Promise<Library> },
  io: ConsoleIo,
  onInternalError?: InternalErrorHook,
): Promise<void> {
  const rl = createInterface({
    input: io.input,
    ...(io.interactive ? { output: io.output, prompt: 'citebot> ' } : {}),
    crlfDelay: Number.POSITIVE_INFINITY,
    terminal: io.interactive,
  });
  if (io.interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (EXIT.test(text)) break;
    if (text !== '') {
      io.output.write(`${toText(answerConsoleLine(await holder.get(), text, onInternalError))}\n\n`);
    }
    if (io.interactive) rl.prompt();
  }
  rl.close();
}
