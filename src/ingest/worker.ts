/**
 * A worker thread that reads and analyses article files: the CPU-heavy half of building a library,
 * run on another core. Receives `{ id, file }`, answers `{ id, ingested, terms }` (the article
 * and what the sentence index needs of it) or `{ id, error }`, one file at a time in the order
 * received: the language model learns words as it reads, so the order is part of the result.
 */
import { parentPort } from 'node:worker_threads';
import { ingestOne, startReading } from './pool.js';

let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ id, file }: { id: number; file: string }) => {
  const reading = startReading(file);
  queue = queue.then(async () => {
    const outcome = await ingestOne(file, reading);
    try {
      if ('error' in outcome) parentPort?.postMessage({ id, error: outcome.error });
      else {
        // A sentence's text is a slice of the article's: it is not copied across (see ingestInOrder).
        for (const s of outcome.ingested.article.sentences) s.text = '';
        parentPort?.postMessage({ id, ...outcome }, [outcome.terms.counts.buffer as ArrayBuffer]);
      }
    } catch (error) {
      parentPort?.postMessage({ id, error: `could not be processed (${String(error)})` });
    }
  });
});
