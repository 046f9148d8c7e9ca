/**
 * Runs extraction in a worker thread with memory limits and a deadline, so a page that makes
 * Readability slow or greedy never stalls the bot's event loop: past the deadline the worker is
 * terminated and the page refused. One worker is kept (unreferenced) between pages; pages take
 * turns on it.
 */
import { Worker } from 'node:worker_threads';
import { SourceError } from './errors.js';
import type { Extraction } from './extract.js';

/** How long one page may take to extract (a 2 MB page of real markup takes about 2 s). */
export const EXTRACT_TIMEOUT_MS = 8_000;

const LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

type Reply = { id: number; extraction?: Extraction; error?: { code: SourceError['code']; message: string } };

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./extractWorker.mjs', import.meta.url), { resourceLimits: LIMITS });
    worker.unref();
    const started = worker;
    started.once('exit', () => {
      if (worker === started) worker = null;
    });
  }
  return worker;
}

/**
 * Extracts the article of a fetched page (`contentType` `text/plain` or HTML) in the worker.
 * Throws SourceError `bad-input` for no article text, and when the page takes too long or too much memory.
 */
export function extractInWorker(
  html: string,
  url: string,
  contentType = 'text/html',
  options: { timeoutMs?: number | undefined } = {},
): Promise<Extraction> {
  const run = queue.then(() => runOnce(html, url, contentType, options.timeoutMs ?? EXTRACT_TIMEOUT_MS));
  queue = run.catch(() => {});
  return run;
}

function runOnce(html: string, url: string, contentType: string, timeoutMs: number): Promise<Extraction> {
  const w = getWorker();
  const id = nextId++;
  return new Promise<Extraction>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
    };
    const kill = (error: SourceError) => {
      done();
      if (worker === w) worker = null;
      void w.terminate();
      reject(error);
    };
    const timer = setTimeout(
      () => kill(new SourceError('bad-input', 'The page took too long to read an article from.')),
      timeoutMs,
    );
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      done();
      if (reply.extraction) resolve(reply.extraction);
      else
        reject(new SourceError(reply.error?.code ?? 'bad-input', reply.error?.message ?? 'No article text.'));
    };
    const onError = (error: Error) =>
      kill(
        new SourceError('bad-input', 'The page is too large or complex to read an article from.', {
          cause: error,
        }),
      );
    const onExit = () => kill(new SourceError('bad-input', 'The page could not be read.'));
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    w.postMessage({ id, html, url, contentType });
  });
}
