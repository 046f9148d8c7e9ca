/**
 * PolNeAR: recall of quoted speech and whether named sources are right, on the development
 * articles (a check set, whole) and the training articles' tuning and checking halves, side by side.
 */
import { type Predicted, predictStatements } from './analyse.js';
import { type PolnearArticle, type PolnearAttribution, readJsonl } from './data.js';
import { rate, snippet, table } from './format.js';
import {
  bestMatch,
  goldSurnames,
  OVERLAP,
  overlapWith,
  properName,
  type SpeakerOutcome,
  speakerOutcome,
  surname,
} from './match.js';
import type { SetOptions } from './options.js';
import { isQuotedSpeech, isReportedSpeech, SPEECH_MIN_WORDS } from './speech.js';
import { halfOf } from './split.js';

interface Tally {
  articles: number;
  attributions: number;
  attributionsFound: number;
  marked: number;
  markedFound: number;
  speech: number;
  speechFound: number;
  cueRight: number;
  /** Reported speech without quote marks (see {@link isReportedSpeech}). */
  reported: number;
  reportedFound: number;
  reportedNamed: number;
  reportedNamedRight: number;
  /** Citebot's statements, and those overlapping no gold attribution (quoted, unquoted). */
  predictedQuoted: number;
  predictedQuotedUnsupported: number;
  predictedUnquoted: number;
  predictedUnquotedUnsupported: number;
  named: number;
  namedFound: number;
  source: Record<SpeakerOutcome, number>;
  /** Pronoun and description sources of found quoted speech, by the proxy (see {@link proxyOutcome}). */
  unnamed: Record<'pronoun' | 'description', Record<ProxyOutcome, number>>;
}

/** How a pronoun or description source's resolved speaker compares with the article's named sources. */
type ProxyOutcome = 'nearest' | 'other' | 'written' | 'stranger' | 'none';
const emptyProxy = (): Record<ProxyOutcome, number> => ({
  nearest: 0,
  other: 0,
  written: 0,
  stranger: 0,
  none: 0,
});

const emptyTally = (): Tally => ({
  articles: 0,
  attributions: 0,
  attributionsFound: 0,
  marked: 0,
  markedFound: 0,
  speech: 0,
  speechFound: 0,
  cueRight: 0,
  reported: 0,
  reportedFound: 0,
  reportedNamed: 0,
  reportedNamedRight: 0,
  predictedQuoted: 0,
  predictedQuotedUnsupported: 0,
  predictedUnquoted: 0,
  predictedUnquotedUnsupported: 0,
  named: 0,
  namedFound: 0,
  source: { right: 0, wrong: 0, none: 0 },
  unnamed: { pronoun: emptyProxy(), description: emptyProxy() },
});

const PRONOUN_SOURCE = /^(?:he|she|they|it)$/i;

/**
 * A proxy for pronoun and description sources, whose gold is written ("he"), not resolved: the
 * speaker Citebot resolved is compared with the named gold source of the nearest earlier
 * attribution in the article ("nearest", the likeliest antecedent), else with any named gold source
 * of the article ("other": a real source, maybe the wrong one), else it names someone no attribution
 * of the article names ("stranger": almost surely wrong).
 */
function proxyOutcome(
  a: PolnearArticle,
  at: PolnearAttribution,
  speaker: Parameters<typeof speakerOutcome>[0],
): ProxyOutcome {
  if (!speaker) return 'none';
  const at0 = at.source?.spans[0]?.[0] ?? at.content?.spans[0]?.[0] ?? 0;
  let nearest: { start: number; name: string } | null = null;
  const names: string[] = [];
  for (const other of a.attributions) {
    const name = properName(other.source?.text.trim() ?? '');
    const start = other.source?.spans[0]?.[0];
    if (!name || start === undefined) continue;
    names.push(name);
    if (start < at0 && (!nearest || start > nearest.start)) nearest = { start, name };
  }
  if (nearest && speakerOutcome(speaker, goldSurnames(nearest.name)) === 'right') return 'nearest';
  if (names.some((n) => speakerOutcome(speaker, goldSurnames(n)) === 'right')) return 'other';
  // "the campaign said" kept as "campaign": not resolved, but not a wrong name either.
  const written = at.source?.text.trim().split(/\s*(?:[,(;]|--|—|–|\bwho\b)\s*/u)[0] ?? '';
  return speakerOutcome(speaker, [surname(written)]) === 'right' ? 'written' : 'stranger';
}

const cueWords = (cue: string) => new Set(cue.toLowerCase().match(/\p{L}+/gu) ?? []);

/** Adds one article to the tally; misses go to `misses`. */
function tallyArticle(a: PolnearArticle, t: Tally, misses: string[]): void {
  const predicted = predictStatements(a.id, a.text);
  t.articles++;
  tallyUnsupported(a, predicted, t, misses);
  for (const at of a.attributions) {
    const spans = at.content?.spans ?? [];
    if (spans.length === 0) continue;
    const hit = bestMatch(spans, predicted);
    t.attributions++;
    if (hit) t.attributionsFound++;
    if (at.has_quote_marks) {
      t.marked++;
      if (hit) t.markedFound++;
    }
    if (isReportedSpeech(at)) tallyReported(at, hit, t, a.id, misses);
    if (!isQuotedSpeech(at)) continue;
    const content = snippet(at.content?.text ?? '', 140);
    const source = at.source?.text.trim() ?? '';
    t.speech++;
    const name = properName(source);
    if (name) t.named++;
    if (!hit) {
      misses.push(`MISSED  ${a.id} [${at.cue?.text} | ${source || 'no source'}] ${content}`);
      continue;
    }
    t.speechFound++;
    const gold = cueWords(at.cue?.text ?? '');
    if ([...cueWords(hit.cue ?? '')].some((w) => gold.has(w))) t.cueRight++;
    if (!name) {
      if (!source) continue;
      const kind = PRONOUN_SOURCE.test(source) ? 'pronoun' : 'description';
      const outcome = proxyOutcome(a, at, hit.speaker);
      t.unnamed[kind][outcome]++;
      if (outcome === 'stranger' || outcome === 'other')
        misses.push(`PROXY-${outcome} ${a.id} [gold ${source} | got ${hit.speaker?.name}] ${content}`);
      continue;
    }
    t.namedFound++;
    const outcome = speakerOutcome(hit.speaker, goldSurnames(name));
    t.source[outcome]++;
    if (outcome !== 'right')
      misses.push(`SPEAKER ${a.id} [gold ${source} | got ${hit.speaker?.name ?? 'none'}] ${content}`);
  }
}

/** Unquoted speech: found, and whether a named source is right. */
function tallyReported(
  at: PolnearAttribution,
  hit: Predicted | undefined,
  t: Tally,
  id: string,
  misses: string[],
): void {
  const source = at.source?.text.trim() ?? '';
  const name = properName(source);
  t.reported++;
  if (!hit) {
    misses.push(
      `MISSED-REPORTED  ${id} [${at.cue?.text} | ${source || 'no source'}] ${snippet(at.content?.text ?? '', 140)}`,
    );
    return;
  }
  t.reportedFound++;
  if (!name) return;
  t.reportedNamed++;
  if (speakerOutcome(hit.speaker, goldSurnames(name)) === 'right') t.reportedNamedRight++;
}

/**
 * Statements that overlap no gold attribution at all (by {@link OVERLAP} of their own length):
 * PolNeAR marks beliefs and intentions too, so these are almost surely not attributions.
 */
function tallyUnsupported(
  a: PolnearArticle,
  predicted: readonly Predicted[],
  t: Tally,
  misses: string[],
): void {
  const gold = a.attributions.flatMap((at) => at.content?.spans ?? []);
  for (const p of predicted) {
    const supported = overlapWith(gold, p.start, p.end) >= OVERLAP * (p.end - p.start);
    if (p.quoted) {
      t.predictedQuoted++;
      if (!supported) t.predictedQuotedUnsupported++;
    } else {
      t.predictedUnquoted++;
      if (!supported) t.predictedUnquotedUnsupported++;
    }
    if (!supported)
      misses.push(
        `UNSUPPORTED ${a.id} [${p.cue} | ${p.mention ?? 'continuation'}] ${snippet(a.text.slice(p.start, p.end), 140)}`,
      );
  }
}

/** Files to read: either may be null (not wanted or not found). */
export interface PolnearFiles {
  dev: string | null;
  train: string | null;
}

export async function evalPolnear(files: PolnearFiles, { verbose, half }: SetOptions): Promise<void> {
  const columns: { label: string; tally: Tally; misses: string[]; listMisses: boolean }[] = [];
  if (files.dev) {
    const dev = { label: 'dev', tally: emptyTally(), misses: [], listMisses: verbose };
    for (const a of readJsonl<PolnearArticle>(files.dev)) tallyArticle(a, dev.tally, dev.misses);
    columns.push(dev);
  }
  if (files.train) {
    const halves = {
      tuning: {
        label: 'train-tuning',
        tally: emptyTally(),
        misses: [],
        listMisses: verbose && half === 'tuning',
      },
      checking: {
        label: 'train-checking',
        tally: emptyTally(),
        misses: [],
        listMisses: verbose && half === 'checking',
      },
    };
    for (const a of readJsonl<PolnearArticle>(files.train)) {
      const h = halves[halfOf(a.id)];
      tallyArticle(a, h.tally, h.misses);
    }
    columns.push(halves.tuning, halves.checking);
  }
  const figures: [string, (t: Tally) => [number, number] | number, string][] = [
    ['articles', (t) => t.articles, ''],
    ['attributions with content', (t) => t.attributions, ''],
    ['  recall, all (beliefs, intentions too)', (t) => [t.attributionsFound, t.attributions], ''],
    ['with quote marks', (t) => t.marked, ''],
    ['  recall', (t) => [t.markedFound, t.marked], ''],
    [`quoted speech (speech cue, ≥ ${SPEECH_MIN_WORDS} words)`, (t) => t.speech, ''],
    ['  recall', (t) => [t.speechFound, t.speech], '≥ 90'],
    ['  cue verb right (% of found)', (t) => [t.cueRight, t.speechFound], ''],
    [`reported speech, no quote marks (speech cue, ≥ ${SPEECH_MIN_WORDS} words)`, (t) => t.reported, ''],
    ['  recall', (t) => [t.reportedFound, t.reported], ''],
    ['  named source right (% of found named)', (t) => [t.reportedNamedRight, t.reportedNamed], ''],
    ['statements Citebot found, with quote marks', (t) => t.predictedQuoted, ''],
    ['  overlapping no gold attribution', (t) => [t.predictedQuotedUnsupported, t.predictedQuoted], ''],
    ['statements Citebot found, without quote marks', (t) => t.predictedUnquoted, ''],
    ['  overlapping no gold attribution', (t) => [t.predictedUnquotedUnsupported, t.predictedUnquoted], ''],
    ['named sources (of quoted speech)', (t) => t.named, ''],
    ['  found', (t) => t.namedFound, ''],
    ['  source right (% of found)', (t) => [t.source.right, t.namedFound], '≥ 97'],
    ['  wrong speaker (% of found)', (t) => [t.source.wrong, t.namedFound], ''],
    ['  no speaker (% of found)', (t) => [t.source.none, t.namedFound], ''],
    ...(['pronoun', 'description'] as const).flatMap((k) => {
      const n = (t: Tally) => Object.values(t.unnamed[k]).reduce((x, y) => x + y, 0);
      return [
        [`${k} sources (of found quoted speech)`, (t: Tally) => n(t), ''],
        ['  speaker = nearest earlier named source', (t: Tally) => [t.unnamed[k].nearest, n(t)], ''],
        ['  another named source of the article', (t: Tally) => [t.unnamed[k].other, n(t)], ''],
        ['  kept as written (not resolved)', (t: Tally) => [t.unnamed[k].written, n(t)], ''],
        ['  no named source of the article', (t: Tally) => [t.unnamed[k].stranger, n(t)], ''],
        ['  no speaker', (t: Tally) => [t.unnamed[k].none, n(t)], ''],
      ] as [string, (t: Tally) => [number, number] | number, string][];
    }),
  ];
  const halvesShown = columns.length >= 2 && columns.at(-1)?.label === 'train-checking';
  const rows = figures.map(([label, figure, target]) => {
    const values = columns.map((c) => figure(c.tally));
    const cells = values.map((v) => (typeof v === 'number' ? String(v) : rate(v[0], v[1])));
    const [tuning, checking] = values.slice(-2);
    let gap = '';
    if (halvesShown && Array.isArray(tuning) && Array.isArray(checking) && tuning[1] && checking[1])
      gap = ((tuning[0] / tuning[1] - checking[0] / checking[1]) * 100).toFixed(1);
    return [label, ...cells, ...(halvesShown ? [gap] : []), target];
  });
  const header = [
    'PolNeAR',
    ...columns.map((c) => c.label),
    ...(halvesShown ? ['gap tun−chk'] : []),
    'target',
  ];
  console.log(
    `\n## Attribution: PolNeAR (${[files.dev, files.train].filter(Boolean).join(', ')}); train split by article id`,
  );
  console.log(table(header, rows));
  console.log(
    'Found: a statement covers ≥ 30% of the content span. Named source: the gold source starts with a capital, not a pronoun or determiner, apposition cut off ("Jeff Smith, a professor" → Jeff Smith); right: the speaker shares its surname (with "X of Y", that of X or Y). Cue right: the statement\'s cue shares a word with the gold cue. Pronoun/description sources (gold as written, not resolved), a proxy: is the resolved speaker the named source of the nearest earlier attribution, another named source of the article, or no named source of it (almost surely wrong)?',
  );
  for (const c of columns) {
    if (!c.listMisses) continue;
    const note =
      c.label === 'train-tuning' ? 'the half to write rules from' : 'a check: read to measure only';
    console.log(`\n### PolNeAR ${c.label} misses (${note})\n${c.misses.join('\n')}`);
  }
}
