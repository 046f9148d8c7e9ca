/**
 * Analyses many article files on all cores: a small pool of worker threads, each with its own
 * language model, each given a fixed share of the files (every `threads`-th one) and reading its
 * share in file order, so a build is the same every time whatever the timing. Each worker also
 * works out what the sentence index needs ({@link articleTerms}), leaving the main thread only
 * bookkeeping, which it does as results come in. For a handful of files the main thread does it
 * all (starting workers costs more than it saves).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ArticleError, type ArticleText, readArticleText } from '../corpus/load.js';
import { type ArticleTerms, articleTerms } from '../nlp/terms.js';
import { type IngestedArticle, ingestArticle } from './article.js';
import { parseArticle } from './parse.js';

/** Below this many files, workers are not worth starting. */
export const POOL_FROM = Number(process.env.CITEBOT_POOL_FROM ?? 150);

/** Files handed to a worker ahead of the one it is reading, so it never waits for the next. */
const AHEAD = 4;

export type IngestOutcome = { ingested: IngestedArticle; terms: ArticleTerms } | { error: string };

/** Reads and analyses `files`, calling `onDone` as each finishes; returns outcomes in file order. */
export async function ingestFiles(
  files: readonly string[],
  onDone?: (file: string, done: number) => void,
  threads = Math.min(2, availableParallelism()),
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  await ingestInOrder(files, (outcome) => outcomes.push(outcome), onDone, threads);
  return outcomes;
}

/**
 * Reads and analyses `files`, calling `onDone` as each finishes and `inOrder` with each outcome in
 * file order, as soon as every earlier file is done (only results that arrive early are held).
 */
export async function ingestInOrder(
  files: readonly string[],
  inOrder: (outcome: IngestOutcome, i: number) => void,
  onDone?: (file: string, done: number) => void,
  threads = Math.min(2, availableParallelism()),
): Promise<void> {
  const early = new Map<number, IngestOutcome>();
  let done = 0;
  let delivered = 0;
  const finish = (i: number, outcome: IngestOutcome) => {
    early.set(i, outcome);
    onDone?.(files[i] as string, ++done);
    for (let next = early.get(delivered); next !== undefined; next = early.get(delivered)) {
      early.delete(delivered);
      inOrder(next, delivered++);
    }
  };
  if (files.length < POOL_FROM || threads < 2) {
    for (let i = 0; i < files.length; i++) finish(i, await ingestOne(files[i] as string));
    return;
  }
  const workers = Array.from({ length: threads }, () => startWorker());
  try {
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            // This worker's share: files w, w + threads, w + 2 × threads, …
            let next = w;
            let pending = 0;
            const feed = () => {
              while (pending < AHEAD && next < files.length) {
                worker.postMessage({ id: next, file: files[next] });
                next += threads;
                pending++;
              }
              if (pending === 0) resolve();
            };
            worker.on(
              'message',
              (m: { id: number; ingested?: IngestedArticle; terms?: ArticleTerms; error?: string }) => {
                pending--;
                if (m.ingested) {
                  const { text, sentences } = m.ingested.article;
                  for (const s of sentences) s.text = text.slice(s.start, s.end);
                }
                finish(
                  m.id,
                  m.ingested && m.terms
                    ? { ingested: m.ingested, terms: m.terms }
                    : { error: m.error ?? 'could not be processed' },
                );
                feed();
              },
            );
            worker.once('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A file being read: its text, or why it cannot be (never a rejected promise). */
export type Reading = Promise<{ text: ArticleText } | { error: unknown }>;

/** Starts reading a file, so that a worker reads the next file while it analyses this one. */
export function startReading(file: string): Reading {
  return readArticleText(file).then(
    (text) => ({ text }),
    (error: unknown) => ({ error }),
  );
}

/** Reads and analyses one file, with its index terms (what a worker does for each file). */
export async function ingestOne(file: string, reading = startReading(file)): Promise<IngestOutcome> {
  try {
    const read = await reading;
    if ('error' in read) throw read.error;
    const { id, text, mtimeMs } = read.text;
    const ingested = ingestArticle(parseArticle(id, file, text, mtimeMs, 0));
    return { ingested, terms: articleTerms(ingested.article.sentences.map((s) => s.text)) };
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
