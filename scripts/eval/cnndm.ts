/** Summaries at 3 sentences against the CNN/DailyMail reference highlights, next to Lead-3. */
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
type Rouge = (
  ref: string,
  cand: string,
  opts: { stem: (w: string) => string },
) => Record<string, { f: number }>;

export async function evalCnndm(file: string, verbose: boolean): Promise<boolean> {
  const { rouge } = (await import(pathToFileURL(path.join(path.dirname(file), 'rouge.mjs')).href)) as {
    rouge: Rouge;
  };
  const articles = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CnndmArticle);
  const totals: Record<'ours' | 'lead', [number, number, number]> = { ours: [0, 0, 0], lead: [0, 0, 0] };
  for (const a of articles) {
    const { article } = parseArticle(a.id, `${a.id}.txt`, a.article, 0);
    const reference = a.highlights.join('\n');
    const ours = summarize(article.sentences, { count: 3, title: null }).map((s) => s.text);
    const lead = article.sentences
      .filter((s) => s.kind === 'sentence')
      .slice(0, 3)
      .map((s) => s.text);
    for (const [key, picked] of [
      ['ours', ours],
      ['lead', lead],
    ] as const) {
      const r = rouge(reference, picked.join('\n'), { stem: stemmer });
      totals[key][0] += r.rouge1?.f ?? 0;
      totals[key][1] += r.rouge2?.f ?? 0;
      totals[key][2] += r.rougeLsum?.f ?? 0;
    }
    if (verbose)
      console.log(
        `${a.id}\n  ours: ${ours.join(' | ').slice(0, 300)}\n  lead: ${lead.join(' | ').slice(0, 300)}`,
      );
  }
  const avg = (xs: number[]) => xs.map((x) => x / articles.length);
  const ours = avg(totals.ours);
  const lead = avg(totals.lead);
  console.log(
    `\n## Summaries at 3 sentences: ${articles.length} CNN/DailyMail development articles (${file})`,
  );
  console.log(
    table(
      ['method', 'ROUGE-1', 'ROUGE-2', 'ROUGE-Lsum'],
      [
        ['Citebot /summary', ...ours.map(pct)],
        ['Lead-3 (same sentence split)', ...lead.map(pct)],
      ],
    ),
  );
  console.log(
    'Anchors (CNN/DailyMail test set): Lead-3 40.4 / 17.6 / 36.7; TextRank, LexRank ~33 / 12-15 / 30; MatchSum 44.4 / 20.9 / 40.6. Target: at or above Lead-3 on all three.',
  );
  return ours.every((x, i) => x >= (lead[i] ?? 0));
}
