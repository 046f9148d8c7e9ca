/**
 * Benchmark child for one big shared library, run in a fresh process so that its memory figures
 * are its own. Prints one JSON line.
 *
 *   build <data folder> <snapshot folder>: cold ingest (all cores) and index, then a snapshot
 *   serve <data folder> <snapshot folder>: start from the snapshot to a first answer, serving
 *     memory after GC, then who-said / ask latency next to a bare MiniSearch search of the same
 *     queries, and recall@5 of the bounded search against the exhaustive ranking
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runCommand } from '../src/commands/index.js';
import { listArticleFiles } from '../src/corpus/load.js';
import { buildLibrary, type Library } from '../src/library/library.js';
import { openLibrary } from '../src/library/open.js';
import { saveSnapshot, snapshotKey, stampFolder } from '../src/library/snapshot.js';
import { setSearchBound } from '../src/retrieval/textIndex.js';
import { random } from './corpus.js';
import { percentile } from './percentile.js';

const [mode, dataDir, cacheDir] = process.argv.slice(2);
if (!mode || !dataDir || !cacheDir) throw new Error('usage: scaleChild.ts build|serve <data> <cache>');
const gc = (globalThis as { gc?: () => void }).gc;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const MB = 1e6;

/** Mean and p99 in ms of `fn` over every input, after one untimed pass to warm the code up. */
function latency<T>(inputs: readonly T[], fn: (x: T) => unknown): { mean: number; p99: number } {
  for (const x of inputs.slice(0, 20)) fn(x);
  const ms = inputs.map((x) => {
    const t = performance.now();
    fn(x);
    return performance.now() - t;
  });
  return {
    mean: round(ms.reduce((a, b) => a + b, 0) / ms.length, 3),
    p99: round(percentile(ms, 99), 3),
  };
}

/** Who-said topics and questions drawn deterministically from the corpus itself. */
function queries(library: Library, count: number) {
  const rand = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const longWords = (text: string) => text.split(/\s+/).filter((w) => /^[\p{L}]{5,}$/u.test(w));
  const topics: string[] = [];
  const questions: string[] = [];
  for (let tries = 0; topics.length < count && tries < count * 50; tries++) {
    const st = pick(library.statements);
    const ws = longWords(library.article(st.article).text.slice(st.quoteStart, st.quoteEnd));
    if (ws.length < 2) continue;
    const start = Math.floor(rand() * (ws.length - 1));
    topics.push(ws.slice(start, start + 2).join(' '));
  }
  for (let tries = 0; questions.length < count && tries < count * 50; tries++) {
    const ws = longWords(pick(library.sentences).text);
    if (ws.length < 3) continue;
    questions.push(`${pick(['Who', 'What', 'When', 'How much'])} ${ws.slice(0, 3).join(' ')}?`);
  }
  return { topics, questions };
}

async function build() {
  const files = await listArticleFiles(dataDir as string);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const t0 = performance.now();
  const library = await buildLibrary(dataDir as string);
  const buildMs = performance.now() - t0;
  const stamps = await stampFolder(dataDir as string);
  const key = await snapshotKey(dataDir as string, stamps);
  const t1 = performance.now();
  await saveSnapshot(cacheDir as string, key, library, stamps);
  const saveMs = performance.now() - t1;
  gc?.();
  const memory = process.memoryUsage();
  const cores = Math.min(2, availableParallelism());
  return {
    articles: library.articles.length,
    sentences: library.sentences.length,
    statements: library.statements.length,
    speakers: library.speakers.length,
    textMB: round(bytes / MB, 1),
    buildSeconds: round(buildMs / 1000, 1),
    cores,
    ingestMBPerSecondPerCore: round(bytes / MB / (buildMs / 1000) / cores, 2),
    snapshotSaveSeconds: round(saveMs / 1000, 1),
    builtRssMB: Math.round(memory.rss / MB),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000),
  };
}

async function serve() {
  const { library, fromSnapshot } = await openLibrary(dataDir as string, { cacheDir: cacheDir as string });
  const first = runCommand(library, 'ask', { question: 'Who said the talks would resume?' }, 'cli');
  const startToAnswerMs = performance.now();
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  const { topics, questions } = queries(library, Number(process.env.BENCH_QUERIES ?? 300));
  const index = library.sentenceIndex;
  const top5 = (command: string, options: Record<string, unknown>) =>
    runCommand(library, command, { ...options, limit: 5 }, 'cli').results.map((r) =>
      'citation' in r ? `${r.citation.article}:${r.citation.start}` : '',
    );
  const recall = (command: string, key: string, inputs: readonly string[]) => {
    let found = 0;
    let wanted = 0;
    for (const input of inputs) {
      setSearchBound(false);
      const exhaustive = top5(command, { [key]: input });
      setSearchBound(true);
      const bounded = new Set(top5(command, { [key]: input }));
      wanted += exhaustive.length;
      found += exhaustive.filter((id) => bounded.has(id)).length;
    }
    return wanted === 0 ? 1 : round(found / wanted, 4);
  };
  const whoSaid = latency(topics, (topic) => runCommand(library, 'who-said', { topic }, 'cli'));
  const bareTopics = latency(topics, (topic) => index.bareSearch(topic));
  const ask = latency(questions, (question) => runCommand(library, 'ask', { question }, 'cli'));
  const bareQuestions = latency(questions, (question) => index.bareSearch(question));
  return {
    fromSnapshot,
    answered: first.results.length > 0,
    startToAnswerSeconds: round(startToAnswerMs / 1000),
    servingRssMB: Math.round(memory.rss / MB),
    servingHeapMB: Math.round(memory.heapUsed / MB),
    servingExternalMB: Math.round((memory.external + memory.arrayBuffers) / MB),
    queries: topics.length + questions.length,
    whoSaid,
    bareTopics,
    ask,
    bareQuestions,
    whoSaidToBare: round(whoSaid.mean / bareTopics.mean),
    askToBare: round(ask.mean / bareQuestions.mean),
    recallAt5: { whoSaid: recall('who-said', 'topic', topics), ask: recall('ask', 'question', questions) },
  };
}

process.stdout.write(`${JSON.stringify(mode === 'build' ? await build() : await serve())}\n`);
