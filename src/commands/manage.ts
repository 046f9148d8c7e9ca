/**
 * Requests that say where they are asked (CONTRACT §6): a reading command answered from the shared
 * library plus one other, and `add` / `remove`, which change a library. Used by the CLI and batch;
 * Discord turns the interaction's server or user into the library and calls the same pieces.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type AddInput, type Libraries, type LibraryId, parseLibraryId } from '../library/libraries.js';
import type { Library } from '../library/library.js';
import { SourceError } from '../sources/errors.js';
import { WriteError } from '../sources/folder.js';
import { failed, type InternalErrorHook, runCommand } from './index.js';
import type { CommandResult, SourceEntry } from './results.js';
import { sources } from './sources.js';

/** The `sources` entry of one article of a library view. */
export function sourceEntry(library: Library, article: string): SourceEntry | undefined {
  return sources.run(library, {}).results.find((r) => r.article === article);
}

/** A SourceError or WriteError as a result error; anything else is rethrown. */
export function sourceFailure(
  command: string,
  input: Record<string, unknown>,
  error: unknown,
): CommandResult {
  if (error instanceof SourceError)
    return failed(command, input, { code: error.code, message: error.message });
  if (error instanceof WriteError)
    return failed(command, input, { code: 'internal', message: error.message });
  throw error;
}

/**
 * Runs a command with raw options, `library` among them (default shared). Never throws.
 * `cwd` resolves relative file paths of `add`.
 */
export async function runScoped(
  libraries: Libraries,
  name: string,
  raw: Record<string, unknown>,
  surface: 'cli' | 'any',
  onInternalError?: InternalErrorHook,
): Promise<CommandResult> {
  const { library: wanted, ...options } = raw;
  let id: LibraryId = 'shared';
  if (wanted !== undefined) {
    const parsed = typeof wanted === 'string' ? parseLibraryId(wanted) : null;
    if (!parsed)
      return failed(name, raw, {
        code: 'bad-input',
        message: 'library must be shared, guild:<id> or user:<id>',
      });
    id = parsed;
  }
  try {
    if (name === 'add') return await add(libraries, id, raw, options);
    if (name === 'remove') return await remove(libraries, id, raw, options);
    return runCommand(await libraries.get(id), name, raw, surface, onInternalError);
  } catch (error) {
    if (error instanceof SourceError || error instanceof WriteError) return sourceFailure(name, raw, error);
    onInternalError?.(error, name);
    return failed(name, raw, { code: 'internal', message: 'something went wrong; it has been logged' });
  }
}

async function add(
  libraries: Libraries,
  id: LibraryId,
  raw: Record<string, unknown>,
  options: Record<string, unknown>,
): Promise<CommandResult> {
  const extra = Object.keys(options).filter((k) => k !== 'url' && k !== 'file');
  if (extra.length > 0)
    return failed('add', raw, { code: 'bad-input', message: `add has no option ${extra[0]}` });
  let { url, file } = options as { url?: unknown; file?: unknown };
  if ((url === undefined) === (file === undefined))
    return failed('add', raw, { code: 'bad-input', message: 'add takes exactly one of a URL or a file' });
  if (typeof (url ?? file) !== 'string' || String(url ?? file).trim() === '')
    return failed('add', raw, { code: 'bad-input', message: 'add needs a URL or a file path' });
  // A bare argument without a scheme is a file path.
  if (typeof url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(url.trim())) {
    file = url;
    url = undefined;
  }
  let input: AddInput;
  if (typeof url === 'string') input = { url };
  else {
    const filePath = path.resolve(String(file));
    let bytes: Buffer;
    try {
      bytes = await readFile(filePath);
    } catch {
      return failed('add', raw, { code: 'bad-input', message: `${String(file)} is not a readable file` });
    }
    input = { file: { name: path.basename(filePath), bytes } };
  }
  const outcome = await libraries.add(id, input);
  const entry = sourceEntry(outcome.library, outcome.article);
  return {
    kind: 'sources',
    command: 'add',
    input: raw,
    results: entry ? [entry] : [],
    ...(outcome.added ? {} : { notice: `That article is already there, as ${outcome.article}.` }),
  };
}

async function remove(
  libraries: Libraries,
  id: LibraryId,
  raw: Record<string, unknown>,
  options: Record<string, unknown>,
): Promise<CommandResult> {
  const article = options.article;
  if (typeof article !== 'string' || article.trim() === '')
    return failed('remove', raw, { code: 'bad-input', message: 'remove needs an article id' });
  const before = await libraries.own(id);
  const entry = sourceEntry(await libraries.get(id), article.trim());
  if (!before.articleById.has(article.trim()) || !entry)
    return failed('remove', raw, { code: 'not-found', message: `no article "${article}" in that library` });
  const removed = await libraries.remove(id, article.trim());
  if (!removed)
    return failed('remove', raw, { code: 'not-found', message: `no article "${article}" in that library` });
  return { kind: 'sources', command: 'remove', input: raw, results: [entry] };
}
