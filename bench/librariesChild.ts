/**
 * Benchmark helper for `npm run bench -- --only libraries`: a fresh process that serves the shared
 * library (from its snapshot) and uses every server library once, as first requests in many
 * servers would, then prints first-use latencies and memory as JSON.
 * Usage: node --expose-gc --import tsx bench/librariesChild.ts <shared> <root> <shared cache> <count>
 *   <budget MB or 0> <libraries cache>
 */
import { runCommand } from '../src/commands/index.js';
import { LibraryHolder } from '../src/library/holder.js';
import { Libraries, type LibraryId } from '../src/library/libraries.js';
import { openLibrary } from '../src/library/open.js';
import { createLogger } from '../src/log.js';
import { EMPTY_ALLOW_LIST } from '../src/sources/address.js';

const [sharedDir, root, cache, countArg, budgetArg, librariesCache] = process.argv.slice(2);
if (!sharedDir || !root || !cache || !countArg || budgetArg === undefined || !librariesCache)
  throw new Error(
    'usage: librariesChild.ts <shared> <root> <shared cache> <count> <budget MB or 0> <libraries cache>',
  );
const gc = (globalThis as { gc?: () => void }).gc;
const started = performance.now();
const { library: shared, fromSnapshot } = await openLibrary(sharedDir, { cacheDir: cache });
const sharedMs = performance.now() - started;
gc?.();
const sharedRss = process.memoryUsage().rss;
const holder = new LibraryHolder();
holder.set(shared);
const budget = Number(budgetArg);
const libraries = new Libraries({
  shared: holder,
  root,
  sharedDir,
  allow: EMPTY_ALLOW_LIST,
  logger: createLogger('silent'),
  watch: false,
  cacheDir: librariesCache,
  ...(budget > 0 ? { memoryBytes: budget * 1024 * 1024 } : {}),
});
const firstUse: number[] = [];
let answered = 0;
let peakRss = 0;
const count = Number(countArg);
for (let g = 1; g <= count; g++) {
  const id = `guild:${g}` as LibraryId;
  const t = performance.now();
  // A first request in a server: the view, then an answer from it (the library's own articles).
  const view = await libraries.get(id);
  const out = runCommand(view, 'ask', { question: `fountain in market square ${g}` }, 'cli');
  firstUse.push(performance.now() - t);
  const own = (out.results as { citation?: { article: string } }[]).some(
    (r) => r.citation?.article === 'fountain',
  );
  if (own) answered++;
  if (g % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
gc?.();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    fromSnapshot,
    sharedArticles: shared.articles.length,
    sharedLoadMs: sharedMs,
    sharedRss,
    firstUse,
    answered,
    rss: memory.rss,
    peakRss: Math.max(peakRss, memory.rss),
    heap: memory.heapUsed,
    loaded: libraries.loaded(),
    evictions: libraries.evictions,
  })}\n`,
);
libraries.stop();
