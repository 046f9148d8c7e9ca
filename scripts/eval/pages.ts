/**
 * Article extraction on saved news pages (../shared/pages, one folder per page: source.html,
 * expected.txt, captions.txt, metadata.json): body word recall and precision of the stored article
 * file (front matter removed) against the expected text, and title correctness.
 * Bars: mean recall ≥ 0.95, mean precision ≥ 0.95, titles right on ≥ 90% of pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFrontMatter } from '../../src/corpus/frontMatter.js';
import { SourceError } from '../../src/sources/errors.js';
import { extractArticle } from '../../src/sources/extract.js';
import { articleFileText } from '../../src/sources/page.js';
import { pct, table } from './format.js';

/** Lower-cased words of letters and digits, counted. */
function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Words of `a` also in `b` (multiset overlap) over all words of `a`. */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let hit = 0;
  let total = 0;
  for (const [w, n] of a) {
    total += n;
    hit += Math.min(n, b.get(w) ?? 0);
  }
  return total === 0 ? 1 : hit / total;
}

function missing(a: Map<string, number>, b: Map<string, number>, max = 25): string {
  const out: string[] = [];
  for (const [w, n] of a)
    if (n > (b.get(w) ?? 0)) out.push(n - (b.get(w) ?? 0) > 1 ? `${w}×${n - (b.get(w) ?? 0)}` : w);
  return out.slice(0, max).join(' ');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function evalPages(dir: string, verbose: boolean): Promise<boolean> {
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  const rows: string[][] = [];
  let recallSum = 0;
  let precisionSum = 0;
  let titles = 0;
  const notes: string[] = [];
  for (const name of pages) {
    const read = (file: string) => {
      const full = path.join(dir, name, file);
      return existsSync(full) ? readFileSync(full, 'utf8') : '';
    };
    const expected = bag(read('expected.txt'));
    const allowed = bag(`${read('expected.txt')}\n${read('captions.txt')}`);
    const wantTitle = collapse(
      String((JSON.parse(read('metadata.json') || '{}') as { title?: string }).title ?? ''),
    );
    const started = performance.now();
    let body = '';
    let title = '';
    let error = '';
    try {
      const file = articleFileText(extractArticle(read('source.html'), `https://${name}.example/article`));
      const front = readFrontMatter(file);
      body = file.slice(front.bodyStart);
      title = collapse(front.meta.title ?? '');
    } catch (e) {
      error = e instanceof SourceError ? e.message : String(e);
    }
    const ms = performance.now() - started;
    const ours = bag(body);
    const recall = overlap(expected, ours);
    const precision = overlap(ours, allowed);
    const titleOk = title === wantTitle;
    recallSum += recall;
    precisionSum += precision;
    if (titleOk) titles++;
    rows.push([name, recall.toFixed(3), precision.toFixed(3), titleOk ? 'yes' : 'no', `${ms.toFixed(0)} ms`]);
    if (error) notes.push(`${name}: ${error}`);
    if (!titleOk)
      notes.push(`${name}: title ${JSON.stringify(title)}, expected ${JSON.stringify(wantTitle)}`);
    if (verbose) {
      notes.push(`${name} missed: ${missing(expected, ours)}`);
      notes.push(`${name} extra: ${missing(ours, allowed)}`);
    }
  }
  const n = Math.max(1, pages.length);
  const recall = recallSum / n;
  const precision = precisionSum / n;
  const titleShare = titles / n;
  rows.push(['mean', recall.toFixed(3), precision.toFixed(3), `${pct(titleShare)}%`, '']);
  console.log(`\n## pages: article extraction on ${pages.length} saved pages\n`);
  console.log(table(['page', 'recall', 'precision', 'title', 'time'], rows));
  for (const note of notes) console.log(`- ${note}`);
  const ok = recall >= 0.95 && precision >= 0.95 && titleShare >= 0.9;
  console.log(`\n${ok ? 'meets' : 'misses'} the bars (recall ≥ 0.95, precision ≥ 0.95, titles ≥ 90%)`);
  return ok;
}
