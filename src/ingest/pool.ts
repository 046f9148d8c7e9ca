/**
 * Analyses many article files on all cores: a small pool of worker threads, each with its own
 * language model, fed one file at a time. For a handful of files the main thread does it alone
 * (starting workers costs more than it saves).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ArticleError } from '../corpus/load.js';
import { type IngestedArticle, ingestArticle } from './article.js';
import { readArticleFile } from './parse.js';

/** Below this many files, workers are not worth starting. */
export const POOL_FROM = Number(process.env.CITEBOT_POOL_FROM ?? 150);

export type IngestOutcome = { ingested: IngestedArticle } | { error: string };

/**
 * Reads and analyses `files`, calling `onDone` as each finishes; returns outcomes in file order.
 */
export async function ingestFiles(
  files: readonly string[],
  onDone?: (file: string, done: number) => void,
  threads = Math.min(2, availableParallelism()),
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, outcome: IngestOutcome) => {
    outcomes[i] = outcome;
    onDone?.(files[i] as string, ++done);
  };
  if (files.length < POOL_FROM || threads < 2) {
    for (let i = 0; i < files.length; i++) finish(i, await ingestHere(files[i] as string));
    return outcomes;
  }
  let next = 0;
  const workers = Array.from({ length: threads }, () => startWorker());
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= files.length) return resolve();
              const i = next++;
              worker.postMessage({ id: i, file: files[i] });
            };
            worker.on('message', (m: { id: number; ingested?: IngestedArticle; error?: string }) => {
              finish(
                m.id,
                m.ingested ? { ingested: m.ingested } : { error: m.error ?? 'could not be processed' },
              );
              feed();
            });
            worker.once('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

async function ingestHere(file: string): Promise<IngestOutcome> {
  try {
    return { ingested: ingestArticle(await readArticleFile(file, 0)) };
  } catch (error) {
    return {
      error: error instanceof ArticleError ? error.message : `could not be processed (${String(error)})`,
    };
  }
}

function startWorker(): Worker {
  // The worker is TypeScript like the rest: a small module starts it under tsx.
  return new Worker(new URL('./worker.mjs', import.meta.url));
}
