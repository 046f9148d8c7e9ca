/** Quote detection P/R/F1 and speaker accuracy on the Gender Gap Tracker development articles. */
import { readFileSync } from 'node:fs';
import { attributeArticles } from '../../src/attribution/attribute.js';
import { nameWords, similarity, TYPO_SIMILARITY } from '../../src/attribution/names.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { pct, table } from './format.js';

interface GoldQuote {
  quote: string;
  start: number;
  end: number;
  speaker: string;
  reference: string;
  has_quote_marks: boolean;
}
interface GgtArticle {
  id: string;
  text: string;
  people: string[];
  quotes: GoldQuote[];
}

/** A predicted quote matches a gold one when they overlap by at least 30% of the gold span. */
const OVERLAP = 0.3;

const surname = (name: string) => nameWords(name).at(-1) ?? '';

export async function evalGgt(file: string, verbose: boolean): Promise<boolean> {
  const articles = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GgtArticle);
  const counts = {
    marked: { gold: 0, found: 0, predicted: 0, matchedPred: 0, speakerRight: 0, speakerMatched: 0 },
    unmarked: { gold: 0, found: 0, predicted: 0, matchedPred: 0, speakerRight: 0, speakerMatched: 0 },
  };
  let differentMax = 0;
  const misses: string[] = [];
  for (const a of articles) {
    const parsed = parseArticle(a.id, `${a.id}.txt`, a.text, 0);
    const { statements, speakers } = attributeArticles([parsed]);
    const predicted = statements.map((s) => ({
      start: s.quoteStart,
      end: s.quoteEnd,
      quoted: s.quoted,
      speaker: s.speaker === null ? null : (speakers[s.speaker] ?? null),
      matched: false,
    }));
    for (const g of a.quotes) {
      const bucket = g.has_quote_marks ? counts.marked : counts.unmarked;
      bucket.gold++;
      const overlap = (p: { start: number; end: number }) =>
        Math.max(0, Math.min(p.end, g.end) - Math.max(p.start, g.start));
      const hit = predicted
        .filter((p) => overlap(p) >= OVERLAP * (g.end - g.start))
        .sort((x, y) => overlap(y) - overlap(x))[0];
      if (!hit) {
        if (verbose) misses.push(`MISSED  [${g.reference}] ${a.text.slice(g.start, g.end).slice(0, 120)}`);
        continue;
      }
      hit.matched = true;
      bucket.found++;
      bucket.speakerMatched++;
      const names = hit.speaker ? [hit.speaker.name, ...hit.speaker.aliases] : [];
      const right = names.some((n) => surname(n) === surname(g.reference) && surname(n) !== '');
      if (right) bucket.speakerRight++;
      else if (verbose) {
        misses.push(
          `SPEAKER [gold ${g.reference} | got ${hit.speaker?.name ?? 'none'}] ${a.text.slice(g.start, g.end).slice(0, 100)}`,
        );
      }
    }
    for (const p of predicted) {
      const bucket = p.quoted ? counts.marked : counts.unmarked;
      bucket.predicted++;
      if (p.matched) bucket.matchedPred++;
      else if (verbose)
        misses.push(`EXTRA   [${p.speaker?.name ?? 'none'}] ${a.text.slice(p.start, p.end).slice(0, 120)}`);
    }
    // The typo threshold's margin: surnames of different people in one article.
    const people = a.people.map(surname).filter(Boolean);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        if (people[i] !== people[j])
          differentMax = Math.max(differentMax, similarity(people[i] as string, people[j] as string));
      }
    }
  }
  const rows: string[][] = [];
  const all = {
    gold: counts.marked.gold + counts.unmarked.gold,
    found: counts.marked.found + counts.unmarked.found,
    predicted: counts.marked.predicted + counts.unmarked.predicted,
    matchedPred: counts.marked.matchedPred + counts.unmarked.matchedPred,
    speakerRight: counts.marked.speakerRight + counts.unmarked.speakerRight,
    speakerMatched: counts.marked.speakerMatched + counts.unmarked.speakerMatched,
  };
  for (const [label, c] of [
    ['with quote marks', counts.marked],
    ['without quote marks', counts.unmarked],
    ['all', all],
  ] as const) {
    const p = c.predicted ? c.matchedPred / c.predicted : 0;
    const r = c.gold ? c.found / c.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    rows.push([
      label,
      String(c.gold),
      String(c.predicted),
      pct(p),
      pct(r),
      pct(f),
      pct(c.speakerMatched ? c.speakerRight / c.speakerMatched : 0),
    ]);
  }
  console.log(`\n## Attribution: ${articles.length} GGT development articles (${file})`);
  console.log(table(['quotes', 'gold', 'predicted', 'precision', 'recall', 'F1', 'speaker accuracy'], rows));
  const f1 = Number(rows[2]?.[5]) / 100;
  const speaker = Number(rows[2]?.[6]) / 100;
  console.log(
    `Anchors: Gender Gap Tracker F1 83.7, speaker 86.5% (its own set); regex baseline speaker ~49%. Target: F1 ≥ 85.0, speaker ≥ 90.0.`,
  );
  console.log(
    `Typo threshold: the most similar surnames of different people in one article score ${differentMax.toFixed(3)}; the threshold is ${TYPO_SIMILARITY}.`,
  );
  if (verbose) console.log(misses.join('\n'));
  return f1 >= 0.85 && speaker >= 0.9;
}
