/**
 * The one-big-shared-library bench (issue 14): for real news text (from ../shared/eval, when
 * present) and the synthetic variants, at 2,000 and 10,000 articles, a fresh process builds the
 * library cold and saves its snapshot, then another starts from the snapshot and serves. Each
 * goal is reported next to its target.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../src/config.js';
import { writeCorpus } from './corpus.js';
import { writeRealCorpus } from './realCorpus.js';

export interface ScaleRow {
  corpus: 'real' | 'synthetic';
  articles: number;
  build: Record<string, number>;
  serve: {
    fromSnapshot: boolean;
    startToAnswerSeconds: number;
    servingRssMB: number;
    whoSaid: { mean: number; p99: number };
    ask: { mean: number; p99: number };
    bareTopics: { mean: number; p99: number };
    bareQuestions: { mean: number; p99: number };
    whoSaidToBare: number;
    askToBare: number;
    recallAt5: { whoSaid: number; ask: number };
  };
}

const SEED = path.join(DEFAULT_DATA_DIR, 'cnn-2025-02-12-hegseth-nato-ukraine.md');

function child(mode: 'build' | 'serve', dir: string, cache: string): Record<string, unknown> {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', 'bench/scaleChild.ts', mode, dir, cache],
    { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`bench ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

/** Builds then serves one corpus; null when it is the real one and there is no real text. */
export function scaleRow(corpus: 'real' | 'synthetic', articles: number, work: string): ScaleRow | null {
  const dir = path.join(work, `${corpus}-${articles}`);
  if (corpus === 'real') {
    if (!writeRealCorpus(articles, dir)) return null;
  } else writeCorpus(SEED, articles, dir);
  const cache = path.join(work, `${corpus}-${articles}-cache`);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const build = child('build', dir, cache) as Record<string, number>;
  const serve = child('serve', dir, cache) as unknown as ScaleRow['serve'];
  if (!serve.fromSnapshot) throw new Error('the serving process did not start from the snapshot');
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  return { corpus, articles, build, serve };
}

const ms = (x: { mean: number; p99: number }) => `${x.mean} / ${x.p99}`;

/** The goals table: one column per corpus and size. */
export function scaleTable(rows: readonly ScaleRow[]): string {
  const lines: [string, string, (r: ScaleRow) => string | number][] = [
    ['text MB', '', (r) => r.build.textMB ?? ''],
    ['sentences / statements', '', (r) => `${r.build.sentences} / ${r.build.statements}`],
    ['serving RSS MB (after GC, loaded from the snapshot)', '≤ 1000', (r) => r.serve.servingRssMB],
    ['warm start to first answer s', '≤ 3', (r) => r.serve.startToAnswerSeconds],
    ['cold build (ingest + index) s', '', (r) => r.build.buildSeconds ?? ''],
    ['cold ingest MB/s per core', '≥ 1', (r) => r.build.ingestMBPerSecondPerCore ?? ''],
    ['peak RSS MB while building', '', (r) => r.build.peakRssMB ?? ''],
    ['who-said mean / p99 ms', 'p99 ≤ 20', (r) => ms(r.serve.whoSaid)],
    ['ask mean / p99 ms', 'p99 ≤ 20', (r) => ms(r.serve.ask)],
    ['bare MiniSearch, who-said topics, mean / p99 ms', '', (r) => ms(r.serve.bareTopics)],
    ['bare MiniSearch, ask questions, mean / p99 ms', '', (r) => ms(r.serve.bareQuestions)],
    ['who-said mean ÷ bare', '≤ 1.5', (r) => r.serve.whoSaidToBare],
    ['ask mean ÷ bare', '≤ 1.5', (r) => r.serve.askToBare],
    [
      'recall@5 of the bounded search vs exhaustive (who-said / ask)',
      '',
      (r) => `${r.serve.recallAt5.whoSaid} / ${r.serve.recallAt5.ask}`,
    ],
  ];
  const out = [
    `| measure | goal | ${rows.map((r) => `${r.corpus} ${r.articles.toLocaleString('en')}`).join(' | ')} |`,
    `|---|---|${rows.map(() => '---').join('|')}|`,
  ];
  for (const [name, goal, get] of lines)
    out.push(`| ${name} | ${goal} | ${rows.map((r) => String(get(r))).join(' | ')} |`);
  return out.join('\n');
}
