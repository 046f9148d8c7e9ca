/**
 * The extraction worker thread: receives `{ id, html, url, contentType }`, answers
 * `{ id, extraction }` or `{ id, error: { code, message } }`.
 */
import { parentPort } from 'node:worker_threads';
import { SourceError } from './errors.js';
import { extractArticle, extractText } from './extract.js';

interface Task {
  id: number;
  html: string;
  url: string;
  contentType: string;
}

parentPort?.on('message', ({ id, html, url, contentType }: Task) => {
  try {
    const extraction = contentType === 'text/plain' ? extractText(html, url) : extractArticle(html, url);
    parentPort?.postMessage({ id, extraction });
  } catch (error) {
    const known = error instanceof SourceError;
    parentPort?.postMessage({
      id,
      error: {
        code: known ? error.code : 'bad-input',
        message: known ? error.message : 'No article text could be read from that page.',
      },
    });
  }
});
