/**
 * Summaries at 3 sentences against the CNN/DailyMail reference highlights, next to Lead-3.
 *
 * The set is split in two by article id (FNV-1a of the id: even → tuning, odd → checking). Rules
 * and settings are written from what the tuning half shows; the checking half is only measured.
 * `CITEBOT_EVAL_HALF=tuning` (or `checking`) scores one half alone, e.g. while tuning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stemmer } from 'stemmer';
import { parseArticle } from '../../src/ingest/parse.js';
import { summarize } from '../../src/summary/summarize.js';
import { pct, table } from './format.js';

interface CnndmArticle {
  id: string;
  article: string;
  highlights: string[];
}

import { type Half, halfOf } from './split.js';

type Rouge = (
  ref: string,
  cand: string,
  opts: { stem: (w: string) => string },
) => Record<string, { f: number }>;

export { fnv1a, type Half, halfOf } from './split.js';

type Triple = [number, number, number];

export async function evalCnndm(file: string, verbose: boolean): Promise<boolean> {
  const { rouge } = (await import(pathToFileURL(path.join(path.dirname(file), 'rouge.mjs')).href)) as {
    rouge: Rouge;
  };
  const only = process.env.CITEBOT_EVAL_HALF;
  const halves: Half[] = only === 'tuning' || only === 'checking' ? [only] : ['tuning', 'checking'];
  const articles = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CnndmArticle)
    .filter((a) => halves.includes(halfOf(a.id)));
  const totals = new Map<Half, { n: number; ours: Triple; lead: Triple }>(
    halves.map((h) => [h, { n: 0, ours: [0, 0, 0], lead: [0, 0, 0] }]),
  );
  for (const a of articles) {
    const half = totals.get(halfOf(a.id));
    if (!half) continue;
    half.n++;
    const { article } = parseArticle(a.id, `${a.id}.txt`, a.article, 0);
    const reference = a.highlights.join('\n');
    const ours = summarize(article.sentences, { count: 3, title: null }).map((s) => s.text);
    const lead = article.sentences
      .filter((s) => s.kind === 'sentence')
      .slice(0, 3)
      .map((s) => s.text);
    const scores: Record<'ours' | 'lead', Triple> = { ours: [0, 0, 0], lead: [0, 0, 0] };
    for (const [key, picked] of [
      ['ours', ours],
      ['lead', lead],
    ] as const) {
      const r = rouge(reference, picked.join('\n'), { stem: stemmer });
      scores[key] = [r.rouge1?.f ?? 0, r.rouge2?.f ?? 0, r.rougeLsum?.f ?? 0];
      scores[key].forEach((x, i) => {
        half[key][i] = (half[key][i] ?? 0) + x;
      });
    }
    if (verbose && ours.join('\n') !== lead.join('\n'))
      console.log(
        `${a.id} (${halfOf(a.id)}) R-1 ours ${pct(scores.ours[0])} lead ${pct(scores.lead[0])}\n  ours: ${ours.join(' | ').slice(0, 400)}\n  lead: ${lead.join(' | ').slice(0, 400)}`,
      );
  }
  console.log(
    `\n## Summaries at 3 sentences: ${articles.length} CNN/DailyMail development articles (${file})`,
  );
  // One column group per half, side by side: Citebot, Lead-3, and their ratio.
  const header = ['method'];
  const rows: string[][] = [['Citebot /summary'], ['Lead-3 (same sentence split)'], ['Citebot ÷ Lead-3']];
  let ok = true;
  for (const [name, t] of totals) {
    const ours = t.ours.map((x) => x / Math.max(1, t.n));
    const lead = t.lead.map((x) => x / Math.max(1, t.n));
    header.push(...['R-1', 'R-2', 'R-Lsum'].map((m) => `${name} (${t.n}) ${m}`));
    rows[0]?.push(...ours.map(pct));
    rows[1]?.push(...lead.map(pct));
    rows[2]?.push(...ours.map((x, i) => (x / (lead[i] || 1)).toFixed(3)));
    if (!ours.every((x, i) => x >= (lead[i] ?? 0))) ok = false;
  }
  console.log(table(header, rows));
  if (totals.size > 1) {
    // Both halves together: the widest view this set gives of whether a difference is real.
    const sum = (key: 'ours' | 'lead', i: number) =>
      [...totals.values()].reduce((a, t) => a + (t[key][i] ?? 0), 0);
    const ratios = [0, 1, 2].map((i) => (sum('ours', i) / (sum('lead', i) || 1)).toFixed(3));
    console.log(`Both halves together (${articles.length}): Citebot ÷ Lead-3 ${ratios.join(' / ')}`);
  }
  console.log(
    'Split by FNV-1a of the article id (even: tuning, odd: checking); rules come from the tuning half only.',
  );
  console.log(
    'Anchors (CNN/DailyMail test set): Lead-3 40.4 / 17.6 / 36.7; TextRank, LexRank ~33 / 12-15 / 30; MatchSum 44.4 / 20.9 / 40.6. Target: at or above Lead-3 on all three in each half.',
  );
  return ok;
}
