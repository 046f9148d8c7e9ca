/**
 * End to end: does `/who-said` put the right quote and speaker first? Each topic is made from a
 * gold quote (≥ 8 words, a named speaker): its 3 rarest content words within the article. Each
 * article is a library of its own, built once. GGT (a check set) and PolNeAR train's two halves
 * (tuning, to read misses from; checking, a check).
 */
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { words } from '../../src/nlp/terms.js';
import { type GgtArticle, type PolnearArticle, readJsonl } from './data.js';
import { rate, snippet, table, targetsTable } from './format.js';
import {
  goldSurnames,
  isNamedReference,
  OVERLAP,
  overlapWith,
  properName,
  type Span,
  sameSurname,
  spanLength,
  surname,
  wordCount,
} from './match.js';
import type { SetOptions } from './options.js';
import { isQuotedSpeech } from './speech.js';
import { fnv1a, type Half, halfOf } from './split.js';
import { RARE_WORDS, rareWordsTopic } from './topic.js';

/** Quotes per source at most, chosen by a hash of article id and offset (deterministic, spread out). */
export const QUOTES_PER_SOURCE = 150;
const MIN_WORDS = 8;

interface Case {
  article: { id: string; text: string };
  spans: Span[];
  /** The gold speaker's name, and the surnames it may have ({@link goldSurnames}). */
  name: string;
  surnames: string[];
}

type Outcome = 'right' | 'other speaker' | 'other quote' | 'nothing';

function judge(top: Excerpt | undefined, c: Case): Outcome {
  if (!top) return 'nothing';
  const start = top.quoteStart ?? top.citation.start;
  const end = top.quoteEnd ?? top.citation.end;
  const sameWords = (text: string) =>
    words(text)
      .map((w) => w.plain)
      .join(' ');
  // The article may repeat the quote word for word (a pull quote): either copy is the quote.
  const repeated =
    top.quote !== undefined &&
    sameWords(top.quote) === sameWords(c.spans.map(([s, e]) => c.article.text.slice(s, e)).join(' '));
  if (overlapWith(c.spans, start, end) < OVERLAP * spanLength(c.spans) && !repeated) return 'other quote';
  return sameSurname(top.speaker, c.surnames) ? 'right' : 'other speaker';
}

/** Up to {@link QUOTES_PER_SOURCE} cases, by hash of article id and first offset. */
function pick(cases: Case[]): Case[] {
  const key = (c: Case) => fnv1a(`${c.article.id}:${c.spans[0]?.[0]}`);
  return cases.sort((a, b) => key(a) - key(b) || a.spans[0]![0] - b.spans[0]![0]).slice(0, QUOTES_PER_SOURCE);
}

function ggtCases(file: string): Case[] {
  return readJsonl<GgtArticle>(file).flatMap((a) =>
    a.quotes
      .filter((q) => wordCount(a.text.slice(q.start, q.end)) >= MIN_WORDS && isNamedReference(q.reference))
      .map((q) => ({
        article: a,
        spans: [[q.start, q.end] as Span],
        name: q.reference,
        surnames: [surname(q.reference)],
      })),
  );
}

function polnearCases(file: string, half: Half): Case[] {
  return readJsonl<PolnearArticle>(file)
    .filter((a) => halfOf(a.id) === half)
    .flatMap((a) =>
      a.attributions.flatMap((at) => {
        const name = properName(at.source?.text ?? '');
        return name && isQuotedSpeech(at, MIN_WORDS)
          ? [{ article: a, spans: at.content!.spans, name, surnames: goldSurnames(name) }]
          : [];
      }),
    );
}

/** Outcomes, and how many gold quotes the library has no statement for (attribution missed them). */
type Tally = Record<Outcome | 'unattributed', number>;

/** Runs the cases, one library per article. */
function runCases(cases: Case[], misses: string[]): Tally {
  const tally: Tally = { right: 0, 'other speaker': 0, 'other quote': 0, nothing: 0, unattributed: 0 };
  const byArticle = new Map<Case['article'], Case[]>();
  for (const c of cases) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
  for (const [article, group] of byArticle) {
    const parsed = parseArticle(article.id, `${article.id}.txt`, article.text, 0);
    const library = assembleLibrary('(eval)', [ingestArticle(parsed)], []);
    for (const c of group) {
      const topic = rareWordsTopic(
        library.sentences,
        c.spans.map(([s, e]) => article.text.slice(s, e)),
        c.name,
      );
      const result = runCommand(library, 'who-said', { topic }, 'cli');
      const top = result.results[0] as Excerpt | undefined;
      const outcome = judge(top, c);
      tally[outcome]++;
      const attributed = library.statements.some(
        (st) => overlapWith(c.spans, st.quoteStart, st.quoteEnd) >= OVERLAP * spanLength(c.spans),
      );
      if (!attributed) tally.unattributed++;
      if (outcome !== 'right') {
        const quote = snippet(c.spans.map(([s, e]) => article.text.slice(s, e)).join(' … '), 100);
        const got = top
          ? `${top.speaker?.name ?? 'no speaker'}: ${snippet(top.quote ?? top.text, 80)}`
          : (result.error?.message ?? 'nothing');
        const note = attributed ? '' : ' (no statement has the quote)';
        misses.push(
          `${outcome.toUpperCase()}${note} ${article.id} [topic "${topic}" | gold ${c.name}] ${quote}\n    got ${got}`,
        );
      }
    }
  }
  return tally;
}

export interface E2eFiles {
  ggt: string | null;
  polnearTrain: string | null;
}

export async function evalE2e(files: E2eFiles, { verbose, half }: SetOptions): Promise<void> {
  const rows: string[][] = [];
  const targets: { figure: string; value: number; op: '≥'; target: number }[] = [];
  const missLists: [string, string[]][] = [];
  for (const [label, file, load, listMisses] of [
    ['GGT dev (check)', files.ggt, ggtCases, verbose],
    [
      'PolNeAR train-tuning',
      files.polnearTrain,
      (f: string) => polnearCases(f, 'tuning'),
      verbose && half === 'tuning',
    ],
    [
      'PolNeAR train-checking',
      files.polnearTrain,
      (f: string) => polnearCases(f, 'checking'),
      verbose && half === 'checking',
    ],
  ] as const) {
    if (!file) continue;
    const misses: string[] = [];
    const cases = pick(load(file));
    const t = runCases(cases, misses);
    const n = cases.length;
    rows.push([
      label,
      String(n),
      rate(t.right, n),
      rate(t['other speaker'], n),
      rate(t['other quote'], n),
      rate(t.nothing, n),
      rate(t.unattributed, n),
    ]);
    // The tuning half is shown to write ranking rules from; the targets are on the check sets.
    if (!label.includes('tuning'))
      targets.push({ figure: `who-said top-1, ${label}`, value: t.right / n, op: '≥', target: 85 });
    if (listMisses) missLists.push([label, misses]);
  }
  console.log(`\n## /who-said top-1 on topics made from gold quotes (one library per article)`);
  console.log(
    table(
      [
        'quotes from',
        'topics',
        'top-1 right',
        'right quote, other speaker',
        'other quote',
        'nothing',
        'quote not attributed',
      ],
      rows,
    ),
  );
  console.log(
    `Topic: from a gold quote of ≥ ${MIN_WORDS} words with a named speaker, the ${RARE_WORDS} content words (≥ 3 letters, not the speaker's name) found in the fewest sentences of its article. Right: the top result covers ≥ 30% of the quote (or repeats its words) and its speaker shares the surname. Quote not attributed: no statement covers the gold quote at all (these are also counted in the other columns).\n`,
  );
  console.log(targetsTable(targets));
  for (const [label, misses] of missLists)
    console.log(`\n### who-said misses, ${label}\n${misses.join('\n')}`);
}
