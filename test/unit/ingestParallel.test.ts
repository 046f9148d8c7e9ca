/**
 * The parallel build path (issue 14): the sentence index built from the terms the workers work
 * out is the index MiniSearch's addAll builds from the texts, and a pooled build is the same
 * every time (each worker reads a fixed share of the files in file order). Every sentence here is
 * invented from templates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POOL_FROM } from '../../src/ingest/pool.js';
import { assembleLibrary, buildLibrary, type Library, localCopy } from '../../src/library/library.js';
import { articleTerms } from '../../src/nlp/terms.js';
import { TextIndex, TextIndexBuilder } from '../../src/retrieval/textIndex.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Marisol Quenby', 'Tobiah Varnell', 'Oona Zelinski', 'Prosper Adebayo-Kline', 'Ilse Brønd'];
const ROLES = ['the harbour commissioner', 'a council spokeswoman', 'the ferry operator', 'Mayor Quenby'];
const TOPICS = [
  'the new ferry timetable',
  'the drainage budget',
  'fares rising by 4.5% in March',
  'the U.S. grant of $2,500,000',
  'late-night services',
  'the pier’s repairs',
];
const VERBS = ['said', 'told reporters', 'added', 'warned', 'insisted'];

/** One invented article: quotes, reported speech, captions of a sort, numbers and names. */
function articleText(rand: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(rand() * 5);
  for (let p = 0; p < count; p++) {
    const who = pick(PEOPLE);
    const what = pick(TOPICS);
    const kind = Math.floor(rand() * 4);
    if (kind === 0) paragraphs.push(`“We will not delay ${what} again,” ${who} ${pick(VERBS)}.`);
    else if (kind === 1)
      paragraphs.push(`${who}, ${pick(ROLES)}, ${pick(VERBS)} that ${what} was never final.`);
    else if (kind === 2)
      paragraphs.push(
        `Residents met on Tuesday to discuss ${what}. THE COUNCIL had ignored them, they said.`,
      );
    else paragraphs.push(`${pick(ROLES)} declined to comment on ${what} on day ${n}.`);
  }
  return `---\ntitle: "Harbour notes ${n}"\nsource: "Invented Gazette"\npublished: 2025-03-0${1 + (n % 9)}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

const addAllIndex = (texts: readonly string[]) => {
  const index = new TextIndex(['text']);
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
};

describe('sentence index from worker terms', () => {
  const rand = random(7);
  // Articles of sentences, some repeated, one with no index terms at all, one with none.
  const articles: string[][] = Array.from({ length: 30 }, (_, n) =>
    articleText(rand, n)
      .split('\n\n')
      .slice(1)
      .flatMap((p) => p.split(/(?<=\.) /)),
  );
  articles[4]?.push('It was.', articles[3]?.[0] ?? '');
  articles.splice(9, 0, []);
  const texts = articles.flat();
  const built = () => {
    const builder = new TextIndexBuilder();
    let id = 0;
    for (const article of articles) {
      builder.addArticle(id, structuredClone(articleTerms(article)));
      id += article.length;
    }
    return builder.finish();
  };

  it('is the index addAll builds: same arrays, term order, lengths, average and name lists', () => {
    expect(built().toBinary()).toEqual(addAllIndex(texts).toBinary());
  });

  it('ranks, matches names with typos and finds word sets the same', () => {
    const mine = built();
    const theirs = addAllIndex(texts);
    for (const query of [
      'ferry timetable',
      'Quenbi',
      'Zelinsky fares',
      'U.S. grant',
      'council said',
      'Brond',
    ]) {
      expect(mine.search(query)).toEqual(theirs.search(query));
      expect(mine.searchFuzzy(query, 0.2, 10)).toEqual(theirs.searchFuzzy(query, 0.2, 10));
      expect(mine.wordSets(query)).toEqual(theirs.wordSets(query));
    }
    expect(mine.isKnownName('quenby')).toBe(theirs.isKnownName('quenby'));
  });

  it('still takes and drops documents afterwards, as an addAll index does', () => {
    const mine = built();
    const theirs = addAllIndex(texts);
    for (const index of [mine, theirs]) {
      index.addAll([{ id: texts.length, text: 'The lighthouse keeper retired.' }]);
      index.discardAll([0, 1]);
    }
    expect(mine.search('lighthouse ferry')).toEqual(theirs.search('lighthouse ferry'));
    expect(mine.size).toBe(theirs.size);
  });
});

describe('pooled build', () => {
  let dir: string;
  const summary = (library: Library) =>
    JSON.stringify({
      sentences: library.sentences,
      statements: library.statements,
      speakers: library.speakers,
      skipped: library.skipped,
      index: library.sentenceIndex.toBinary(),
    });
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'citebot-pool-'));
    const rand = random(11);
    // Enough files for the worker pool, one unusable.
    for (let n = 0; n < POOL_FROM + 10; n++)
      writeFileSync(path.join(dir, `a-${String(n).padStart(4, '0')}.md`), articleText(rand, n));
    writeFileSync(path.join(dir, 'a-0003-empty.md'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same library every time, with the index addAll builds from its sentences', async () => {
    const first = await buildLibrary(dir);
    const second = await buildLibrary(dir);
    expect(first.articles.length).toBe(POOL_FROM + 10);
    expect(first.skipped.map((s) => s.file)).toEqual(['a-0003-empty.md']);
    expect(first.statements.length).toBeGreaterThan(0);
    expect(summary(second)).toBe(summary(first));
    const reassembled = assembleLibrary(dir, first.ingested.map(localCopy), first.skipped);
    expect(reassembled.sentenceIndex.toBinary()).toEqual(first.sentenceIndex.toBinary());
    expect(reassembled.statements).toEqual(first.statements);
  }, 120_000);
});
