/**
 * Pronoun coreference on GUM (open licences, see ../shared/gum/README.md): for each subject
 * pronoun Citebot resolves (he, she, they, it), is the mention it chose in the pronoun's gold
 * coreference chain? The same antecedent rules give "he said" its speaker. GUM's own split:
 * its train documents are the tuning part, its dev and test documents the checking part.
 */
import { readSubjects } from '../../src/attribution/attribute.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { readJsonl } from './data.js';
import { rate, table } from './format.js';
import type { SetOptions } from './options.js';

interface GumEntity {
  start: number;
  end: number;
  type: string;
  chain: string | null;
  eid: string;
}
interface GumDocument {
  id: string;
  split: 'train' | 'dev' | 'test';
  text: string;
  entities: GumEntity[];
}

/** Genres with people in them: where "he said" matters. */
export const GUM_FILES = ['gum-news.jsonl', 'gum-interview.jsonl', 'gum-bio.jsonl', 'gum-court.jsonl'];

/** "I" and "we" are the speaker themselves; only third-person pronouns need an antecedent. */
const THIRD_PERSON = new Set(['he', 'she', 'they', 'it']);

interface Counts {
  pronouns: number;
  right: number;
  wrong: number;
  none: number;
}

export async function evalGum(files: readonly string[], options: SetOptions): Promise<void> {
  const halves = { tuning: counts(), checking: counts() };
  const byPerson = { tuning: counts(), checking: counts() };
  const byDescription = { tuning: counts(), checking: counts() };
  const misses: string[] = [];
  for (const file of files) {
    for (const doc of readJsonl<GumDocument>(file)) {
      const half = doc.split === 'train' ? 'tuning' : 'checking';
      const parsed = parseArticle(doc.id, `${doc.id}.txt`, doc.text, 0);
      for (const { subject: pronoun, referent: resolved } of readSubjects(parsed)) {
        const description = pronoun.kind !== 'pronoun';
        if (!description && !THIRD_PERSON.has(pronoun.name)) continue;
        // A description left as written has no antecedent.
        const referent = resolved === pronoun || resolved?.start === pronoun.start ? null : resolved;
        const gold = doc.entities.find((e) => e.start === pronoun.start && e.end === pronoun.end);
        if (!gold?.chain) continue;
        // he/she (a person, as in "he said") apart from they/it.
        const c = description
          ? byDescription[half]
          : pronoun.name === 'he' || pronoun.name === 'she'
            ? byPerson[half]
            : halves[half];
        c.pronouns++;
        if (!referent) {
          c.none++;
          continue;
        }
        const same = doc.entities.some(
          (e) =>
            e.chain === gold.chain &&
            e.start < referent.end &&
            referent.start < e.end &&
            e.start < pronoun.start,
        );
        if (same) c.right++;
        else {
          c.wrong++;
          if (options.verbose && half === options.half) {
            const from = Math.max(0, referent.start - 60);
            misses.push(
              `WRONG [${pronoun.text} → ${referent.text}] ${doc.text.slice(from, pronoun.end + 40).replace(/\n/g, ' ')}`,
            );
          }
        }
      }
    }
  }
  console.log(
    `\n## Pronoun coreference: GUM ${files.length} genres (tuning: GUM train; checking: GUM dev + test)`,
  );
  console.log(
    table(
      ['subjects in a chain', 'count', 'right', 'wrong referent', 'none'],
      (['tuning', 'checking'] as const).flatMap((h) =>
        (
          [
            ['he, she', byPerson[h]],
            ['they, it', halves[h]],
            ['"the …"', byDescription[h]],
          ] as const
        ).map(([label, c]) => [
          `${h}: ${label}`,
          String(c.pronouns),
          rate(c.right, c.pronouns),
          rate(c.wrong, c.pronouns),
          rate(c.none, c.pronouns),
        ]),
      ),
    ),
  );
  console.log('Right: the chosen mention overlaps an earlier mention of the pronoun’s gold chain.');
  if (options.verbose) console.log(misses.join('\n'));
}

function counts(): Counts {
  return { pronouns: 0, right: 0, wrong: 0, none: 0 };
}
