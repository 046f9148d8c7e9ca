/**
 * Quote detection P/R/F1 and speaker accuracy on the Gender Gap Tracker development articles (a
 * check set: reported whole), with wrong-speaker and no-speaker rates and recall by quote layout.
 */
import { similarity, TYPO_SIMILARITY } from '../../src/attribution/names.js';
import { type Predicted, predictStatements } from './analyse.js';
import { type GgtArticle, readJsonl } from './data.js';
import { rate, snippet, table, targetsTable } from './format.js';
import { LAYOUTS, type Layout, layoutOf } from './layout.js';
import {
  bestMatch,
  isNamedReference,
  type SpeakerOutcome,
  speakerOutcome,
  startsLikeName,
  surname,
} from './match.js';
import type { SetOptions } from './options.js';

interface Counts {
  gold: number;
  found: number;
  predicted: number;
  matchedPred: number;
  speaker: Record<SpeakerOutcome, number>;
}

const emptyCounts = (): Counts => ({
  gold: 0,
  found: 0,
  predicted: 0,
  matchedPred: 0,
  speaker: { right: 0, wrong: 0, none: 0 },
});

const WRITTEN = ['a name', 'a pronoun', 'a description', 'none (a continuation)'] as const;
type Written = (typeof WRITTEN)[number];

/** How a predicted statement's speaker was written: a name, a pronoun, a description, or nothing. */
function writtenAs(mention: string | null): Written {
  if (mention === null) return 'none (a continuation)';
  const first = mention.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (/^(he|she|they|it|we|i)$/.test(first)) return 'a pronoun';
  return startsLikeName(mention) ? 'a name' : 'a description';
}

/** What resolution made of a description speaker: a person, a named body, the description kept, or none. */
function descriptionReading(speaker: Predicted['speaker']): string {
  if (!speaker) return 'none';
  if (speaker.kind === 'person') return 'a person';
  return speaker.kind === 'organisation' && startsLikeName(speaker.name) ? 'a named body' : 'kept as written';
}

/** How a description opens: "the …", "a …", a possessive ("his aide"), or bare ("police"). */
function descriptionForm(mention: string): string {
  const first = mention.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (first === 'the') return '"the …"';
  if (/^(?:a|an|another|one)$/.test(first)) return '"a …"';
  if (/^(?:his|her|their|its|our|my)$/.test(first) || /['’]s$/.test(first)) return 'possessive';
  return 'bare';
}

export async function evalGgt(file: string, { verbose }: SetOptions): Promise<void> {
  const articles = readJsonl<GgtArticle>(file);
  const marked = emptyCounts();
  const unmarked = emptyCounts();
  const all = emptyCounts();
  const byLayout = new Map<Layout, Counts>(LAYOUTS.map((l) => [l, emptyCounts()]));
  /** Speaker outcomes of matched quotes whose resolved speaker is a name (not "a person familiar …"). */
  const named: Record<SpeakerOutcome, number> = { right: 0, wrong: 0, none: 0 };
  /** Speaker outcomes of matched quotes by how Citebot found the speaker written. */
  const byWritten = new Map<Written, Record<SpeakerOutcome, number>>(
    WRITTEN.map((w) => [w, { right: 0, wrong: 0, none: 0 }]),
  );
  /**
   * Description speakers by what resolution made of them (a person's name, a named body, kept as
   * written, none) and whether the gold speaker is a name: where wrong description speakers come from.
   */
  const descriptions = new Map<string, Record<SpeakerOutcome, number>>();
  let differentMax = 0;
  const misses: string[] = [];
  for (const a of articles) {
    const predicted = predictStatements(a.id, a.text).map((p) => ({ ...p, matched: false }));
    for (const g of a.quotes) {
      const layout = layoutOf(g, a.text);
      const buckets = [g.has_quote_marks ? marked : unmarked, all, byLayout.get(layout) as Counts];
      for (const b of buckets) b.gold++;
      const hit = bestMatch([[g.start, g.end]], predicted);
      const quote = snippet(a.text.slice(g.start, g.end), 120);
      if (!hit) {
        misses.push(`MISSED  ${a.id} [${layout} | ${g.reference}] ${quote}`);
        continue;
      }
      hit.matched = true;
      const outcome = speakerOutcome(hit.speaker, g.reference);
      if (isNamedReference(g.reference)) named[outcome]++;
      (byWritten.get(writtenAs(hit.mention)) as Record<SpeakerOutcome, number>)[outcome]++;
      if (writtenAs(hit.mention) === 'a description') {
        const row = `${descriptionForm(hit.mention ?? '')}, ${descriptionReading(hit.speaker)}; gold ${isNamedReference(g.reference) ? 'a name' : 'not a name'}`;
        const o = descriptions.get(row) ?? { right: 0, wrong: 0, none: 0 };
        o[outcome]++;
        descriptions.set(row, o);
      }
      for (const b of buckets) {
        b.found++;
        b.speaker[outcome]++;
      }
      if (outcome !== 'right')
        misses.push(`SPEAKER ${a.id} [gold ${g.reference} | got ${hit.speaker?.name ?? 'none'}] ${quote}`);
    }
    for (const p of predicted) {
      for (const b of [p.quoted ? marked : unmarked, all]) {
        b.predicted++;
        if (p.matched) b.matchedPred++;
      }
      if (!p.matched)
        misses.push(
          `EXTRA   ${a.id} [${p.speaker?.name ?? 'none'}] ${snippet(a.text.slice(p.start, p.end), 120)}`,
        );
    }
    // The typo threshold's margin: surnames of different people in one article.
    const people = a.people.map(surname).filter(Boolean);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        if (people[i] !== people[j])
          differentMax = Math.max(differentMax, similarity(people[i]!, people[j]!));
      }
    }
  }
  const f1Of = (c: Counts) => {
    const p = c.predicted ? c.matchedPred / c.predicted : 0;
    const r = c.gold ? c.found / c.gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const rows = (
    [
      ['with quote marks', marked],
      ['without quote marks', unmarked],
      ['all', all],
    ] as const
  ).map(([label, c]) => {
    const { p, r, f } = f1Of(c);
    return [
      label,
      String(c.gold),
      String(c.predicted),
      rate(p, 1),
      rate(r, 1),
      rate(f, 1),
      rate(c.speaker.right, c.found),
      rate(c.speaker.wrong, c.found),
      rate(c.speaker.none, c.found),
    ];
  });
  console.log(`\n## Attribution: ${articles.length} GGT development articles, a check set (${file})`);
  console.log(
    table(
      [
        'quotes',
        'gold',
        'predicted',
        'precision',
        'recall',
        'F1',
        'speaker right',
        'wrong speaker',
        'no speaker',
      ],
      rows,
    ),
  );
  const namedFound = named.right + named.wrong + named.none;
  console.log(
    `Speaker figures are % of matched quotes, last words compared (for a description, e.g. "a person familiar with …", its last word). Named speakers only (${namedFound} matched): right ${rate(named.right, namedFound)}, wrong ${rate(named.wrong, namedFound)}, none ${rate(named.none, namedFound)}.\n`,
  );
  console.log(
    table(
      ['layout of the gold quote', 'gold', 'found', 'recall', 'speaker right', 'wrong speaker', 'no speaker'],
      [...byLayout].map(([layout, c]) => [
        layout,
        String(c.gold),
        String(c.found),
        rate(c.found, c.gold),
        rate(c.speaker.right, c.found),
        rate(c.speaker.wrong, c.found),
        rate(c.speaker.none, c.found),
      ]),
    ),
  );
  console.log();
  console.log(
    table(
      ['speaker as Citebot found it written', 'found', 'right', 'wrong speaker', 'no speaker'],
      [...byWritten].map(([w, o]) => {
        const n = o.right + o.wrong + o.none;
        return [w, String(n), rate(o.right, n), rate(o.wrong, n), rate(o.none, n)];
      }),
    ),
  );
  console.log();
  console.log(
    table(
      ['description speakers: resolved to', 'found', 'right', 'wrong speaker', 'no speaker'],
      [...descriptions]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([w, o]) => {
          const n = o.right + o.wrong + o.none;
          return [w, String(n), rate(o.right, n), rate(o.wrong, n), rate(o.none, n)];
        }),
    ),
  );
  console.log();
  console.log(
    targetsTable([
      { figure: 'GGT F1 (all)', value: f1Of(all).f, op: '≥', target: 88 },
      { figure: 'GGT speaker right', value: all.speaker.right / all.found, op: '≥', target: 92 },
      { figure: 'GGT wrong speaker', value: all.speaker.wrong / all.found, op: '≤', target: 3 },
      { figure: 'GGT no speaker', value: all.speaker.none / all.found, op: '≤', target: 3 },
    ]),
  );
  console.log(
    'Anchors: Gender Gap Tracker F1 83.7, speaker 86.5% (its own set); regex baseline speaker ~49%.',
  );
  console.log(
    `Typo threshold: the most similar surnames of different people in one article score ${differentMax.toFixed(3)}; the threshold is ${TYPO_SIMILARITY}.`,
  );
  if (verbose)
    console.log(`\n### GGT misses (a check set: read to measure, not to write rules)\n${misses.join('\n')}`);
}
