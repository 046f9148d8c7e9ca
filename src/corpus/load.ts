/**
 * Reads article files from the data folder (README: "Articles"): which files count, and each one's
 * text, strictly as UTF-8. A file that cannot be used gets a reader-facing reason. Turning the text
 * into sentences is the language pipeline's work, in ingest/parse.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export type { ParsedArticle } from './types.js';

/** Largest article file read, in bytes (README: "Articles"). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = new Set(['.md', '.txt']);

export class ArticleError extends Error {}

/** An article file's text as read from disk. */
export interface ArticleText {
  /** The file name without its extension. */
  id: string;
  file: string;
  text: string;
  mtimeMs: number;
}

/**
 * Lists the article files directly in `dir` (symlinks to files included), sorted by name.
 * @throws if the folder itself cannot be read
 */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads one file's text; throws {@link ArticleError} with a reader-facing reason. */
export async function readArticleText(file: string): Promise<ArticleText> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw new ArticleError(describeFsError(error));
  }
  if (!info.isFile()) throw new ArticleError('not a regular file');
  if (info.size > MAX_FILE_BYTES) throw new ArticleError(`larger than 5 MiB (${info.size} bytes)`);
  if (info.size === 0) throw new ArticleError('empty file');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ArticleError(describeFsError(error));
  }
  const text = decodeUtf8(bytes);
  return { id: path.basename(file, path.extname(file)), file, text, mtimeMs: Number(info.mtimeMs) };
}

/** Decodes strict UTF-8; throws {@link ArticleError} for anything else, including binary files. */
export function decodeUtf8(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError('not UTF-8 text');
  }
  if (text.includes('\u0000')) throw new ArticleError('binary content (NUL bytes), not text');
  return text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'missing (a broken symlink?)';
    case 'ELOOP':
      return 'symlink loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return `cannot be read (${code ?? (error as Error).message})`;
  }
}
