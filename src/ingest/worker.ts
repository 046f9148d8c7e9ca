/**
 * A worker thread that reads and analyses article files: the CPU-heavy half of building a library,
 * run on another core. Receives `{ id, file }`, answers `{ id, ingested }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { ArticleError } from '../corpus/load.js';
import { ingestArticle } from './article.js';
import { readArticleFile } from './parse.js';

parentPort?.on('message', async ({ id, file }: { id: number; file: string }) => {
  try {
    const ingested = ingestArticle(await readArticleFile(file, 0));
    parentPort?.postMessage({ id, ingested });
  } catch (error) {
    const reason =
      error instanceof ArticleError ? error.message : `could not be processed (${String(error)})`;
    parentPort?.postMessage({ id, error: reason });
  }
});
