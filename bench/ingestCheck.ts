/**
 * Same-result check for changes to the build path (issue 14): builds a library with the code of
 * a checkout and dumps what a reader can see of it (sentences, statements, speakers, articles,
 * the sentence index's arrays and name lists, search / fuzzy / word-set results, who-said and ask
 * answers for queries drawn from the sentences), so that two checkouts can be compared.
 *
 *   tsx bench/ingestCheck.ts build <checkout> <folder> <out.json>
 *     the checkout's buildLibrary (a worker pool from 150 files; CITEBOT_POOL_FROM=100000 for one
 *     thread)
 *   tsx bench/ingestCheck.ts shares <checkout> <folder> <out.json>
 *     each half of the files (every other one) analysed in a fresh process in file order, what a
 *     two-worker pool that strictly alternates does, assembled with the checkout's assembleLibrary
 *     (MiniSearch addAll): the reference for a pooled build of code whose pool has no fixed order
 *   tsx bench/ingestCheck.ts compare <a.json> <b.json>
 *     section by section, the first differences
 *
 * The language model learns words as it reads, so two builds agree only when every file is read
 * after the same files by the same model instance.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

// biome-ignore lint/suspicious/noExplicitAny: the checkout's modules are loaded at run time
type Loose = any;

const [mode, a, b, c, share] = process.argv.slice(2);
const usage = 'usage: ingestCheck.ts build|shares <checkout> <folder> <out.json> | compare <a.json> <b.json>';
if (!mode || !a || !b) throw new Error(usage);

const load = (root: string, file: string): Promise<Loose> => import(path.resolve(root, file));

async function analyseShare(root: string, dir: string, out: string, k: number): Promise<void> {
  const { listArticleFiles } = await load(root, 'src/corpus/load.ts');
  const { readArticleFile } = await load(root, 'src/ingest/parse.ts');
  const { ingestArticle } = await load(root, 'src/ingest/article.ts');
  const files: string[] = await listArticleFiles(dir);
  const results: { i: number; ingested?: unknown }[] = [];
  for (let i = k; i < files.length; i += 2) {
    try {
      results.push({ i, ingested: ingestArticle(await readArticleFile(files[i], 0)) });
    } catch {
      results.push({ i });
    }
  }
  writeFileSync(out, v8.serialize(results));
}

async function dump(root: string, dir: string, out: string, shares: boolean): Promise<void> {
  const lib = await load(root, 'src/library/library.ts');
  const { runCommand } = await load(root, 'src/commands/index.ts');
  const t0 = performance.now();
  let library: Loose;
  if (!shares) library = await lib.buildLibrary(dir);
  else {
    const parts = [0, 1].flatMap((k) => {
      const file = path.join(tmpdir(), `citebot-share-${process.pid}-${k}`);
      execFileSync(
        process.execPath,
        ['--import', 'tsx', process.argv[1] as string, 'share', root, dir, file, String(k)],
        {
          stdio: 'inherit',
        },
      );
      const part = v8.deserialize(readFileSync(file)) as { i: number; ingested?: unknown }[];
      rmSync(file);
      return part;
    });
    parts.sort((x, y) => x.i - y.i);
    library = lib.assembleLibrary(
      dir,
      parts.flatMap((p) => (p.ingested ? [p.ingested] : [])),
      [],
    );
  }
  const buildMs = performance.now() - t0;
  const index = library.sentenceIndex;
  const binary = index.toBinary();
  const sections: Record<string, unknown> = {
    sentences: library.sentences.map((s: Loose) => [
      s.id,
      s.article,
      s.paragraph,
      s.sentence,
      s.start,
      s.end,
      s.text,
      s.kind,
      s.features,
    ]),
    statements: library.statements,
    speakers: library.speakers,
    articles: library.articles.map((x: Loose) => ({ ...x, sentences: x.sentences.length })),
    indexHead: binary.binary.head,
    indexArrays: [binary.binary.documents, binary.binary.counts, binary.binary.postings].map(
      (x: Uint32Array) => Array.from(x),
    ),
    names: [binary.capitalised, binary.lowercase],
  };
  const queries: string[] = [];
  for (let k = 0; k < library.sentences.length && queries.length < 300; k += 97) {
    const ws = (library.sentences[k].text as string).split(/\s+/).filter((w: string) => w.length > 3);
    if (ws.length >= 3) queries.push(ws.slice(1, 4).join(' '));
  }
  sections.search = queries.map((q) => index.search(q, { limit: 30 }));
  sections.fuzzy = queries.slice(0, 100).map((q) => index.searchFuzzy(q, 0.2, 20));
  sections.wordSets = queries
    .slice(0, 100)
    .map((q) => index.wordSets(q).map((w: Loose) => [w.word, [...w.ids]]));
  const topic = (q: string) => q.split(' ').slice(0, 2).join(' ');
  sections.whoSaid = queries
    .slice(0, 80)
    .map((q) => runCommand(library, 'who-said', { topic: topic(q) }, 'cli').results);
  sections.ask = queries
    .slice(0, 80)
    .map((q) => runCommand(library, 'ask', { question: `Who ${q}?` }, 'cli').results);
  writeFileSync(out, JSON.stringify(sections));
  const hash = (x: unknown) => createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 12);
  const hashes = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, hash(v)]));
  console.log(
    JSON.stringify({ root, mode, buildMs: Math.round(buildMs), sentences: library.sentences.length, hashes }),
  );
}

function compare(fileA: string, fileB: string): void {
  const x = JSON.parse(readFileSync(fileA, 'utf8')) as Record<string, unknown[]>;
  const y = JSON.parse(readFileSync(fileB, 'utf8')) as Record<string, unknown[]>;
  let differing = 0;
  for (const key of Object.keys(x)) {
    const [p, q] = [x[key] ?? [], y[key] ?? []];
    if (JSON.stringify(p) === JSON.stringify(q)) {
      console.log(`same     ${key}`);
      continue;
    }
    differing++;
    let shown = 0;
    for (let i = 0; i < Math.max(p.length, q.length) && shown < 3; i++) {
      const [u, v] = [JSON.stringify(p[i]), JSON.stringify(q[i])];
      if (u === v) continue;
      console.log(`DIFFERS  ${key}[${i}]\n  ${u?.slice(0, 300)}\n  ${v?.slice(0, 300)}`);
      shown++;
    }
  }
  console.log(differing === 0 ? 'IDENTICAL' : `${differing} sections differ`);
  if (differing > 0) process.exitCode = 1;
}

if (mode === 'compare') compare(a, b);
else if (mode === 'share') await analyseShare(a, b, c as string, Number(share));
else if ((mode === 'build' || mode === 'shares') && c) await dump(a, b, c, mode === 'shares');
else throw new Error(usage);
