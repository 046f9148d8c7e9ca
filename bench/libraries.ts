/**
 * `npm run bench -- --only libraries`: many server libraries beside one shared library (issue 14).
 * Writes BENCH_LIBRARIES (default 1,000) server libraries of BENCH_LIBRARY_ARTICLES (default 20)
 * article variants each, next to a shared library of BENCH_SHARED (default 10,000) articles, then
 * in fresh processes: every library used once from its files (which saves its snapshot), every
 * library used once from its snapshot with no budget (RSS with all loaded), and the same under
 * BENCH_MEMORY_MB (default 400) with eviction. Then add-to-answerable for one page and a feed of 50
 * items, served on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/commands/index.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../src/config.js';
import { readArticleFile } from '../src/ingest/parse.js';
import { FeedPoller } from '../src/library/feeds.js';
import { LibraryHolder } from '../src/library/holder.js';
import { Libraries } from '../src/library/libraries.js';
import { assembleLibrary, buildLibrary, ingestArticle, localCopy } from '../src/library/library.js';
import { openLibrary } from '../src/library/open.js';
import { saveSnapshot, snapshotKey, stampFolder } from '../src/library/snapshot.js';
import { createLogger } from '../src/log.js';
import { parseAllowList } from '../src/sources/address.js';
import { FileFeedStore } from '../src/sources/folder.js';
import { newsPage, TITLE } from '../test/support/newsPages.js';
import { startPageServer } from '../test/support/pageServer.js';
import { variant, writeCorpus } from './corpus.js';
import { percentile } from './percentile.js';
import { writeRealCorpus } from './realCorpus.js';

/** Libraries measured loading from their files (each takes about a second of analysis). */
const FILES_SAMPLE = 50;
const SEED = path.join(DEFAULT_DATA_DIR, 'cnn-2025-02-12-hegseth-nato-ukraine.md');

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => Math.round(bytes / 1e6);

interface ChildResult {
  fromSnapshot: boolean;
  sharedArticles: number;
  sharedLoadMs: number;
  sharedRss: number;
  firstUse: number[];
  answered: number;
  rss: number;
  peakRss: number;
  heap: number;
  loaded: { libraries: number; bytes: number };
  evictions: number;
}

export interface Pass {
  from: 'files' | 'snapshot';
  budgetMB: number | null;
  sharedArticles: number;
  sharedRssMB: number;
  rssMB: number;
  peakRssMB: number;
  heapMB: number;
  loadedLibraries: number;
  estimatedMB: number;
  evictions: number;
  answeredFromOwn: number;
  firstUseMs: { p50: number; p99: number; max: number };
}

export interface LibrariesBench {
  libraries: number;
  articlesPerLibrary: number;
  /** What the shared library is made of: the development sets' news texts or synthetic variants. */
  sharedCorpus: 'real' | 'synthetic';
  passes: Pass[];
  addFirstPageMs: number;
  addOnePageMs: number;
  feed: { items: number; polls: number; allAnswerableMs: number; answerable: number };
}

function child(
  sharedDir: string,
  root: string,
  cache: string,
  count: number,
  budgetMB: number,
  libraryCache: string,
): ChildResult {
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      'bench/librariesChild.ts',
      sharedDir,
      root,
      cache,
      String(count),
      String(budgetMB),
      libraryCache,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`libraries child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

function pass(from: Pass['from'], budgetMB: number | null, r: ChildResult): Pass {
  return {
    from,
    budgetMB,
    sharedArticles: r.sharedArticles,
    sharedRssMB: mb(r.sharedRss),
    rssMB: mb(r.rss),
    peakRssMB: mb(r.peakRss),
    heapMB: mb(r.heap),
    loadedLibraries: r.loaded.libraries,
    estimatedMB: mb(r.loaded.bytes),
    evictions: r.evictions,
    answeredFromOwn: r.answered,
    firstUseMs: {
      p50: round(percentile(r.firstUse, 50), 1),
      p99: round(percentile(r.firstUse, 99), 1),
      max: round(Math.max(...r.firstUse), 1),
    },
  };
}

/**
 * The server libraries: the same variants of the bundled article in each (analysed once, saved in
 * each library's own snapshot as if each had been read from its files; every library still loads
 * its own copy) plus one article naming its server, so that an answer shows whose library it is.
 */
export async function writeLibraries(
  root: string,
  cache: string,
  count: number,
  perLibrary: number,
): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const seed = readFileSync(SEED, 'utf8');
  const texts = Array.from({ length: perLibrary - 1 }, (_, k) => variant(seed, 100_000 + k));
  const baseDir = path.join(root, '..', 'library-base');
  rmSync(baseDir, { recursive: true, force: true });
  mkdirSync(baseDir, { recursive: true });
  const writeTexts = (dir: string) => {
    for (const [k, text] of texts.entries())
      writeFileSync(path.join(dir, `a${String(k).padStart(2, '0')}.md`), text);
  };
  writeTexts(baseDir);
  const base = await buildLibrary(baseDir);
  for (let g = 1; g <= count; g++) {
    const dir = path.join(root, `guild-${g}`);
    mkdirSync(dir, { recursive: true });
    writeTexts(dir);
    const own = path.join(dir, 'fountain.md');
    writeFileSync(own, fountain(g));
    const stamps = await stampFolder(dir);
    const ingested = [
      ...base.ingested.map((a) => {
        const copy = localCopy(a);
        return { ...copy, article: { ...copy.article, file: path.join(dir, path.basename(a.article.file)) } };
      }),
      ingestArticle(await readArticleFile(own, 0)),
    ];
    const library = assembleLibrary(dir, ingested, []);
    await saveSnapshot(
      path.join(cache, 'libraries', `guild-${g}`),
      await snapshotKey(dir, stamps),
      library,
      stamps,
    );
  }
}

function fountain(g: number): string {
  return `---\ntitle: Market square fountain\n---\nThe fountain in market square ${g} will be repaired in the spring, the town council said on Friday.\n\n"Children have played in it for a century," said caretaker Mira Holm, who has looked after the square for twenty years.\n`;
}

/** An invented village name per item, so that each item answers its own question. */
function village(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ra', 'su', 'te', 'vo', 'zu'];
  const name = `${syllables[n % 8]}${syllables[Math.floor(n / 8) % 8]}${syllables[(n * 5 + 3) % 8]}wick`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A story of four paragraphs that no other item has. */
function itemStory(n: number): string[] {
  const v = village(n);
  return [
    `The county opened a reading room in the old mill at ${v} on Monday, the library service said in a statement.`,
    `"The room gives ${v} a quiet place to study in the evenings," said librarian Hana Kovac, who has run the service for eleven years and asked for the room in ${2000 + n}.`,
    `The room will hold about ${n * 40} books at first, according to the county, and volunteers will open it on weekday afternoons and on Saturday mornings.`,
    `Kovac said the county would decide after ${n + 2} months whether the room in ${v} should open on Sundays as well.`,
  ];
}

function rss(origin: string, items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Reading room ${i + 1}</title><link>${origin}/item/${i + 1}</link><guid>item-${i + 1}</guid></item>`,
  ).reverse();
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>County news</title><link>${origin}/</link>${entries.join('')}</channel></rss>`;
}

/** One page added, and a feed of 50 items taken in, until answerable. */
async function addAndFeed(
  sharedDir: string,
  work: string,
): Promise<Pick<LibrariesBench, 'addFirstPageMs' | 'addOnePageMs' | 'feed'>> {
  const items = 50;
  const pages = await startPageServer({
    '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage()),
  });
  const itemPages = await startPageServer(
    Object.fromEntries(
      Array.from({ length: items }, (_, i) => [
        `/item/${i + 1}`,
        (_req: unknown, res: import('node:http').ServerResponse) =>
          res.writeHead(200, { 'content-type': 'text/html' }).end(
            newsPage({ story: itemStory(i + 1) })
              .replaceAll('harbor-street-bridge', `reading-room-${i + 1}`)
              .replaceAll(TITLE, `Reading room opens in ${village(i + 1)}`),
          ),
      ]),
    ),
  );
  const feedPages = await startPageServer({
    '/feed.xml': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(itemPages.origin, items)),
  });
  const root = path.join(work, 'add-libraries');
  rmSync(root, { recursive: true, force: true });
  const { library } = await openLibrary(sharedDir, { cacheDir: path.join(work, 'cache') });
  const holder = new LibraryHolder();
  holder.set(library);
  const logger = createLogger('silent');
  const allow = parseAllowList('127.0.0.1');
  const libraries = new Libraries({ shared: holder, root, sharedDir, allow, logger, watch: false });
  try {
    const addOne = async (library: 'guild:1' | 'guild:3') => {
      const t = performance.now();
      const added = await libraries.add(library, { url: `${pages.origin}/story` });
      const out = runCommand(await libraries.get(library), 'who-said', { topic: 'bridge deck' }, 'cli');
      if (!added.added || out.results.length === 0) throw new Error('the added page is not answerable');
      return performance.now() - t;
    };
    // The first add starts the extraction worker; the second is what a running bot sees.
    const addFirstPageMs = await addOne('guild:1');
    const addOnePageMs = await addOne('guild:3');

    const feeds = new FeedPoller({
      libraries,
      store: new FileFeedStore(root, sharedDir),
      minutes: 15,
      allow,
      logger,
    });
    const f = performance.now();
    await feeds.subscribe('guild:2', `${feedPages.origin}/feed.xml`, null);
    let polls = 0;
    const answerable = async () => {
      const view = await libraries.get('guild:2');
      let n = 0;
      for (let i = 1; i <= items; i++) {
        const r = runCommand(
          view,
          'ask',
          { question: `Where did the county open a reading room in ${village(i)}?` },
          'cli',
        );
        if (JSON.stringify(r.results[0] ?? {}).includes(village(i))) n++;
      }
      return n;
    };
    // The first subscription takes the 20 newest items; each poll takes up to 20 more.
    const own = async () => (await libraries.own('guild:2')).articles.length;
    while ((await own()) < items && polls < 5) {
      await feeds.pollAll();
      polls++;
    }
    if ((await own()) < items) throw new Error(`only ${await own()} of ${items} feed items were added`);
    const allAnswerableMs = performance.now() - f;
    return {
      addFirstPageMs: round(addFirstPageMs),
      addOnePageMs: round(addOnePageMs),
      feed: { items, polls, allAnswerableMs: round(allAnswerableMs), answerable: await answerable() },
    };
  } finally {
    libraries.stop();
    await Promise.all([pages.close(), itemPages.close(), feedPages.close()]);
  }
}

export async function librariesBench(): Promise<LibrariesBench> {
  const count = Number(process.env.BENCH_LIBRARIES ?? 1000);
  const perLibrary = Number(process.env.BENCH_LIBRARY_ARTICLES ?? 20);
  const sharedSize = Number(process.env.BENCH_SHARED ?? 10000);
  const budgetMB = Number(process.env.BENCH_MEMORY_MB ?? 400);
  const work = path.join(os.tmpdir(), 'citebot-bench-libraries');
  const sharedDir = path.join(work, 'shared');
  const root = path.join(work, 'libraries');
  const cache = path.join(work, 'cache');
  process.stderr.write(
    `bench libraries: writing ${sharedSize} shared articles and ${count} x ${perLibrary}…\n`,
  );
  // BENCH_SHARED_CORPUS=real: the shared library from the development sets' news texts (as the
  // scale bench's real corpus), the synthetic variants otherwise or when the sets are absent.
  const real = process.env.BENCH_SHARED_CORPUS === 'real' && writeRealCorpus(sharedSize, sharedDir) !== null;
  if (!real) writeCorpus(SEED, sharedSize, sharedDir);
  rmSync(cache, { recursive: true, force: true });
  await writeLibraries(root, cache, count, perLibrary);
  // The shared library's snapshot, so that every pass starts from it as the bot does.
  await openLibrary(sharedDir, { cacheDir: cache });
  // The cache folder the bot is given: each library's snapshot is under its `libraries/<name>/`
  // (where writeLibraries saved them). Passing `cache/libraries` made the child look in
  // `cache/libraries/libraries/`, so the first snapshot pass read every library from its files.
  const libraryCache = cache;
  const passes: Pass[] = [];
  if (count > 0) {
    const sample = Math.min(count, FILES_SAMPLE);
    process.stderr.write(`bench libraries: first use from files (${sample} libraries)…\n`);
    const fresh = path.join(work, 'fresh-cache');
    rmSync(fresh, { recursive: true, force: true });
    passes.push(pass('files', null, child(sharedDir, root, cache, sample, 0, fresh)));
    process.stderr.write('bench libraries: first use from snapshots…\n');
    passes.push(pass('snapshot', null, child(sharedDir, root, cache, count, 0, libraryCache)));
    process.stderr.write(`bench libraries: first use from snapshots under ${budgetMB} MB…\n`);
    passes.push(pass('snapshot', budgetMB, child(sharedDir, root, cache, count, budgetMB, libraryCache)));
  }
  process.stderr.write('bench libraries: add a page, take in a feed of 50…\n');
  const rest = await addAndFeed(sharedDir, work);
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  return {
    libraries: count,
    articlesPerLibrary: perLibrary,
    sharedCorpus: real ? 'real' : 'synthetic',
    passes,
    ...rest,
  };
}

export function describeLibrariesBench(b: LibrariesBench): string {
  const lines = [
    `Libraries: ${b.libraries} server libraries (the files pass: the first ${Math.min(b.libraries, FILES_SAMPLE)}) of ${b.articlesPerLibrary} articles beside a shared library of ${b.passes[0]?.sharedArticles} ${b.sharedCorpus} articles (each library used once, in a fresh process):`,
    '| first use from | budget | RSS MB (peak) | shared alone MB | loaded | evicted | answered from own | first use p50 / p99 / max ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...b.passes.map(
      (p) =>
        `| ${p.from} | ${p.budgetMB === null ? 'none' : `${p.budgetMB} MB`} | ${p.rssMB} (${p.peakRssMB}) | ${p.sharedRssMB} | ${p.loadedLibraries} (est. ${p.estimatedMB} MB) | ${p.evictions} | ${p.answeredFromOwn} | ${p.firstUseMs.p50} / ${p.firstUseMs.p99} / ${p.firstUseMs.max} |`,
    ),
    `Add one page on 127.0.0.1 to answerable: ${b.addOnePageMs} ms (the first add, which starts the extraction worker: ${b.addFirstPageMs} ms). A feed of ${b.feed.items} items on 127.0.0.1: all added after ${b.feed.polls} poll(s) past the subscription in ${b.feed.allAnswerableMs} ms; ${b.feed.answerable} of ${b.feed.items} answer their own question first.`,
  ];
  return lines.join('\n');
}
