/**
 * `npm run bench`: Citebot at corpus scale. First the one-big-shared-library goals (bench/scale.ts:
 * real news text and synthetic variants at 2,000 and 10,000 articles, each built and served in
 * fresh processes), then synthetic corpora (1, 100 and 1,000 variants of the bundled article;
 * BENCH_SIZES to choose) measured in process: ingest against raw wink-nlp, index build, memory,
 * snapshot save and load, command latency against a bare MiniSearch search, start to first answer.
 * Prints tables; writes bench/results/<date>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { runCommand } from '../src/commands/index.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../src/config.js';
import { listArticleFiles } from '../src/corpus/load.js';
import { readArticleFile } from '../src/ingest/parse.js';
import { ingestFiles } from '../src/ingest/pool.js';
import {
  assembleLibrary,
  type IngestedArticle,
  ingestArticle,
  type Library,
} from '../src/library/library.js';
import { loadSnapshot, saveSnapshot, snapshotKey, stampFolder } from '../src/library/snapshot.js';
import { suggestSpeakers } from '../src/retrieval/statements.js';
import { suggestArticles } from '../src/retrieval/suggest.js';
import { burst, startBotUnderTest } from '../test/support/botProcess.js';
import { random, writeCorpus } from './corpus.js';
import { describeGatewayPathBench, describeHttpBench, gatewayPathBench, httpBench } from './http.js';
import { percentile } from './percentile.js';
import { describeShareBench, shareBench } from './pgShare.js';
import { EVAL_DIR } from './realCorpus.js';
import { type ScaleRow, scaleRow, scaleTable } from './scale.js';

const USAGE = `Usage: npm run bench [-- --help]

Measures one big shared library against the goals of issue 14 (serving RSS, warm start, cold
ingest rate, who-said and ask latency next to a bare MiniSearch search, recall@5 of the bounded
search) on real news text from ../shared/eval (when present; CITEBOT_EVAL_DIR to move it) and on
synthetic variants of the bundled article, each built and then served in a fresh process; then
smaller synthetic corpora in process, a 500-interaction burst and 200 signed HTTP /ask. Prints
tables and writes bench/results/<date>.json. Takes 10 to 20 minutes.

Options:
  --only scale   only the big-library goals
  --only http    only the 200 concurrent signed /ask to the HTTP interactions endpoint
  --only libraries  only the many-server-libraries figures
  --only burst   only the 500-interaction burst, each on a freshly started bot (BENCH_BURSTS, 3)

Environment:
  BENCH_SCALE_SIZES  big-library sizes in articles, comma-separated (default 2000,10000)
  BENCH_CORPORA      which big-library corpora (default real,synthetic)
  BENCH_SIZES        in-process synthetic sizes (default 1,100,1000)
  (--only http: also the same /ask through the gateway path, and add-on-one to answerable-on-other
   with two processes on PostgreSQL)
  (--only libraries: only the many-server-libraries figures; BENCH_LIBRARIES (1000),
   BENCH_LIBRARY_ARTICLES (20), BENCH_SHARED (10000), BENCH_SHARED_CORPUS (synthetic; real:
   the development sets' news texts), BENCH_MEMORY_MB (400))
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only === 'http') {
  console.log(describeHttpBench(await httpBench()));
  console.log(describeGatewayPathBench(await gatewayPathBench()));
  console.log(describeShareBench(await shareBench()));
  process.exit(0);
}

if (only === 'burst') {
  // Function declarations below are hoisted: load() is the burst the full run measures.
  const bursts = Number(process.env.BENCH_BURSTS ?? 3);
  for (let i = 1; i <= bursts; i++) {
    const r = await load();
    console.log(
      `burst ${i} of ${bursts}, fresh bot: ${r.interactions} interactions, ${r.answeredOnce ? 'each answered exactly once' : 'NOT each answered once'}; first response p50 ${r.p50} ms, p99 ${r.p99} ms (goal ≤ 500), max ${r.max} ms`,
    );
  }
  process.exit(0);
}

if (only === 'libraries') {
  const { describeLibrariesBench, librariesBench } = await import('./libraries.js');
  const result = await librariesBench();
  console.log(describeLibrariesBench(result));
  const dir = path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `libraries-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
  process.exit(0);
}

const SIZES = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').map(Number);
const SCALE_SIZES = (process.env.BENCH_SCALE_SIZES ?? '2000,10000').split(',').map(Number);
const CORPORA = (process.env.BENCH_CORPORA ?? 'real,synthetic').split(',') as ('real' | 'synthetic')[];
const QUERIES = 200;
/** Searches per command; fewer on the largest corpus, where each takes long (keeps the run under 10 minutes). */
const searchCount = (articles: number) => (articles >= 5000 ? 60 : QUERIES);
let SEARCHES = QUERIES;
const SEED = path.join(DEFAULT_DATA_DIR, 'cnn-2025-02-12-hegseth-nato-ukraine.md');
// One folder per run: two benches at once (or another checkout's) must not remove each other's corpora.
const work = path.join(os.tmpdir(), `citebot-bench-${process.pid}`);

const nlp = winkNLP(model);
const gc = (globalThis as { gc?: () => void }).gc;

const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Queries drawn deterministically from the corpus itself. */
function queries(library: Library) {
  const rand = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const topics: string[] = [];
  const questions: string[] = [];
  while (topics.length < SEARCHES) {
    const statement = pick(library.statements);
    const text = library.article(statement.article).text.slice(statement.quoteStart, statement.quoteEnd);
    const ws = text.split(/\s+/).filter((w) => /^[\p{L}]{5,}$/u.test(w));
    if (ws.length < 2) continue;
    const start = Math.floor(rand() * (ws.length - 1));
    topics.push(ws.slice(start, start + 2).join(' '));
  }
  while (questions.length < SEARCHES) {
    const sentence = pick(library.sentences);
    const ws = sentence.text.split(/\s+/).filter((w) => /^[\p{L}]{5,}$/u.test(w));
    if (ws.length < 3) continue;
    questions.push(`${pick(['Who', 'What', 'When', 'How much'])} ${ws.slice(0, 3).join(' ')}?`);
  }
  const named = library.speakers.filter((s) => s.kind === 'person' && s.statements.length > 0);
  const speakers = Array.from({ length: QUERIES }, () => {
    const s = pick(named.length > 0 ? named : library.speakers);
    return rand() < 0.5 ? s.name : (s.aliases[0] ?? s.name);
  });
  const articles = Array.from({ length: 50 }, () => pick(library.articles).id);
  const prefixes = Array.from({ length: QUERIES }, () => {
    const word = pick(pick(library.articles).meta.title.split(/\s+/));
    return word.slice(0, 2 + Math.floor(rand() * 4));
  });
  const speakerPrefixes = speakers.map((s) => s.slice(0, 3));
  return { topics, questions, speakers, articles, prefixes, speakerPrefixes };
}

function latency(run: () => void, inputs: number): { p50: number; p99: number } {
  const ms: number[] = [];
  for (let i = 0; i < inputs; i++) ms.push(time(run));
  return { p50: round(percentile(ms, 50), 3), p99: round(percentile(ms, 99), 3) };
}

function each<T>(xs: readonly T[], fn: (x: T) => void): { p50: number; p99: number } {
  let i = 0;
  return latency(() => fn(xs[i++ % xs.length] as T), xs.length);
}

interface Row {
  articles: number;
  sentences: number;
  statements: number;
  speakers: number;
  rawWinkSentencesPerSecond: number;
  ingestSentencesPerSecond: number;
  ingestToRawRatio: number;
  singleThreadIngestToRawRatio: number;
  ingestSeconds: number;
  indexBuildSeconds: number;
  heapMB: number;
  rssMB: number;
  servingHeapMB: number;
  servingRssMB: number;
  snapshotSaveSeconds: number;
  snapshotLoadSeconds: number;
  snapshotMB: number;
  startToFirstAnswerSeconds: number;
  latencyMs: Record<string, { p50: number; p99: number }>;
  whoSaidToBareMiniSearch: { p50: number; p99: number };
}

async function measure(size: number): Promise<Row> {
  const dir = writeCorpus(SEED, size, path.join(work, `corpus-${size}`));
  const files = await listArticleFiles(dir);

  // Raw wink-nlp on the same bodies, for the ratio.
  let rawMs = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    rawMs += time(() => nlp.readDoc(text));
  }

  gc?.();
  // Single-threaded, then as Citebot does it (a worker per core for big folders).
  const singleStart = performance.now();
  for (const file of files.slice(0, Math.min(files.length, 300)))
    ingestArticle(await readArticleFile(file, 0));
  const singleMs = ((performance.now() - singleStart) / Math.min(files.length, 300)) * files.length;
  const ingestStart = performance.now();
  const ingested: IngestedArticle[] = (await ingestFiles(files)).flatMap((o) =>
    'ingested' in o ? [o.ingested] : [],
  );
  const ingestMs = performance.now() - ingestStart;
  let library!: Library;
  const indexMs = time(() => {
    library = assembleLibrary(dir, ingested, []);
  });
  gc?.();
  const memory = process.memoryUsage();
  const sentences = library.sentences.length;

  const cache = path.join(work, `cache-${size}`);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const stamps = await stampFolder(dir);
  const key = await snapshotKey(dir, stamps);
  const saveStart = performance.now();
  await saveSnapshot(cache, key, library, stamps);
  const saveMs = performance.now() - saveStart;
  const snapshotBytes = ['articles.jsonl', 'index.json', 'meta.json'].reduce(
    (n, f) => n + readFileSync(path.join(cache, key, f)).length,
    0,
  );
  const loadStart = performance.now();
  const loaded = await loadSnapshot(cache, key);
  const loadMs = performance.now() - loadStart;
  if (!loaded) throw new Error('snapshot did not load');

  // Start to first answer: a fresh process that loads the snapshot and answers one question, as
  // the bot does at start; its memory is the serving footprint.
  const serveStart = performance.now();
  const served = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/serve.ts', dir, cache],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  const startMs = performance.now() - serveStart;
  if (served.status !== 0) throw new Error(`serve failed: ${served.stderr}`);
  const serving = JSON.parse(served.stdout) as {
    fromSnapshot: boolean;
    answered: boolean;
    rss: number;
    heap: number;
  };
  if (!serving.fromSnapshot || !serving.answered)
    throw new Error('the serving process did not answer from the snapshot');

  SEARCHES = searchCount(library.articles.length);
  const q = queries(library);
  const run = (command: string, options: Record<string, unknown>) =>
    runCommand(library, command, options, 'cli');
  const latencyMs = {
    'who-said': each(q.topics, (topic) => run('who-said', { topic })),
    ask: each(q.questions, (question) => run('ask', { question })),
    quotes: each(q.speakers, (speaker) => run('quotes', { speaker, limit: 25 })),
    summary: each(q.articles, (article) => run('summary', { article })),
    'autocomplete article': each(q.prefixes, (prefix) => suggestArticles(library.articles, prefix)),
    'autocomplete speaker': each(q.speakerPrefixes, (prefix) => suggestSpeakers(library, prefix)),
    'bare MiniSearch': each(q.topics, (topic) => library.sentenceIndex.bareSearch(topic)),
  };
  const whoSaid = latencyMs['who-said'];
  const bare = latencyMs['bare MiniSearch'];
  return {
    articles: library.articles.length,
    sentences,
    statements: library.statements.length,
    speakers: library.speakers.length,
    rawWinkSentencesPerSecond: Math.round(sentences / (rawMs / 1000)),
    ingestSentencesPerSecond: Math.round(sentences / (ingestMs / 1000)),
    ingestToRawRatio: round(rawMs / ingestMs),
    singleThreadIngestToRawRatio: round(rawMs / singleMs),
    ingestSeconds: round(ingestMs / 1000),
    indexBuildSeconds: round(indexMs / 1000),
    heapMB: Math.round(memory.heapUsed / 1e6),
    rssMB: Math.round(memory.rss / 1e6),
    servingHeapMB: Math.round(serving.heap / 1e6),
    servingRssMB: Math.round(serving.rss / 1e6),
    snapshotSaveSeconds: round(saveMs / 1000),
    snapshotLoadSeconds: round(loadMs / 1000),
    snapshotMB: round(snapshotBytes / 1e6, 1),
    startToFirstAnswerSeconds: round(startMs / 1000),
    latencyMs,
    whoSaidToBareMiniSearch: {
      p50: round(whoSaid.p50 / Math.max(bare.p50, 1e-3), 1),
      p99: round(whoSaid.p99 / Math.max(bare.p99, 1e-3), 1),
    },
  };
}

function table(rows: Row[]): string {
  const cols: [string, (r: Row) => string | number][] = [
    ['articles', (r) => r.articles],
    ['sentences', (r) => r.sentences],
    ['ingest sent/s', (r) => r.ingestSentencesPerSecond],
    ['raw wink sent/s', (r) => r.rawWinkSentencesPerSecond],
    ['ingest ÷ raw', (r) => r.ingestToRawRatio],
    ['ingest ÷ raw, one thread', (r) => r.singleThreadIngestToRawRatio],
    ['index build s', (r) => r.indexBuildSeconds],
    ['heap MB (building)', (r) => r.heapMB],
    ['RSS MB (building)', (r) => r.rssMB],
    ['heap MB (serving)', (r) => r.servingHeapMB],
    ['RSS MB (serving)', (r) => r.servingRssMB],
    ['snapshot save s', (r) => r.snapshotSaveSeconds],
    ['snapshot load s', (r) => r.snapshotLoadSeconds],
    ['start → answer s', (r) => r.startToFirstAnswerSeconds],
    ...(
      ['who-said', 'ask', 'quotes', 'summary', 'autocomplete article', 'autocomplete speaker'] as const
    ).map(
      (k) =>
        [`${k} p50/p99 ms`, (r: Row) => `${r.latencyMs[k]?.p50} / ${r.latencyMs[k]?.p99}`] as [
          string,
          (r: Row) => string,
        ],
    ),
    [
      'who-said ÷ bare MiniSearch p50/p99',
      (r) => `${r.whoSaidToBareMiniSearch.p50} / ${r.whoSaidToBareMiniSearch.p99}`,
    ],
  ];
  const lines = [
    `| measure | ${rows.map((r) => `${r.articles} articles`).join(' | ')} |`,
    `|---|${rows.map(() => '---').join('|')}|`,
  ];
  for (const [name, get] of cols.slice(1))
    lines.push(`| ${name} | ${rows.map((r) => String(get(r))).join(' | ')} |`);
  return lines.join('\n');
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const started = Date.now();
const scaleRows: ScaleRow[] = [];
mkdirSync(work, { recursive: true });
for (const corpus of CORPORA) {
  for (const size of SCALE_SIZES) {
    process.stderr.write(`bench: one shared library, ${corpus} text, ${size} articles…\n`);
    const row = scaleRow(corpus, size, work);
    if (row) scaleRows.push(row);
    else process.stderr.write(`bench: no real news text in ${EVAL_DIR}; skipped\n`);
  }
}
const scaleOutput = `One shared library (fresh processes: a cold build that saves the snapshot, then a start from it):\n\n${scaleTable(scaleRows)}`;
const resultsDir = path.join(PROJECT_ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}.json`);
if (only === 'scale') {
  console.log(`Machine: ${machine}\n\n${scaleOutput}`);
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine, scale: scaleRows }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(PROJECT_ROOT, resultsFile)}.`);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const rows: Row[] = [];
for (const size of SIZES) {
  process.stderr.write(`bench: ${size} articles…\n`);
  rows.push(await measure(size));
  process.stderr.write(`bench: ${size} articles done after ${Math.round((Date.now() - started) / 1000)} s\n`);
}
/** 500 interactions in a burst through the loopback test Discord: time to first response. */
async function load(): Promise<{
  interactions: number;
  p50: number;
  p99: number;
  max: number;
  answeredOnce: boolean;
}> {
  const bot = await startBotUnderTest({ LOG_LEVEL: 'info' });
  try {
    const d = bot.discord;
    const ids = await burst(d, 500, 120_000);
    const waits = ids.map((id) => (d.acceptedResponsesTo(id)[0]?.at ?? 0) - (d.dispatchedAt.get(id) ?? 0));
    return {
      interactions: ids.length,
      p50: percentile(waits, 50),
      p99: percentile(waits, 99),
      max: Math.max(...waits),
      answeredOnce: ids.every((id) => d.acceptedResponsesTo(id).length === 1),
    };
  } finally {
    await bot.stop();
  }
}

process.stderr.write('bench: 500 interactions through the test Discord…\n');
const loadResult = await load();
process.stderr.write('bench: 200 signed /ask to the HTTP endpoint…\n');
const httpResult = await httpBench();
const gatewayResult = await gatewayPathBench();
process.stderr.write('bench: 20 adds on one process, answered on another (PostgreSQL)…\n');
const shareResult = await shareBench();
const output = `${scaleOutput}\n\nSynthetic corpora in one process:\n\n${table(rows)}\n\n${describeHttpBench(httpResult)}\n${describeGatewayPathBench(gatewayResult)}\n${describeShareBench(shareResult)}\n\nLoad: ${loadResult.interactions} interactions in a burst through the test Discord, each answered ${loadResult.answeredOnce ? 'exactly once' : 'NOT exactly once'}; time to first response p50 ${loadResult.p50} ms, p99 ${loadResult.p99} ms, max ${loadResult.max} ms.`;
console.log(`Machine: ${machine}\n\n${output}`);
writeFileSync(
  resultsFile,
  `${JSON.stringify({ date: new Date().toISOString(), machine, scale: scaleRows, sizes: SIZES, rows, http: httpResult, gatewayPath: gatewayResult, postgresShare: shareResult }, null, 2)}\n`,
);
console.log(
  `\nWrote ${path.relative(PROJECT_ROOT, resultsFile)} in ${Math.round((Date.now() - started) / 1000)} s.`,
);
rmSync(work, { recursive: true, force: true });
