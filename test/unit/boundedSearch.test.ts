import type MiniSearch from 'minisearch';
import { afterEach, describe, expect, it } from 'vitest';
import { Features, type Sentence } from '../../src/corpus/types.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { queryTerms } from '../../src/nlp/terms.js';
import { rankSentences } from '../../src/retrieval/ask.js';
import { rankStatements } from '../../src/retrieval/statements.js';
import { type Hit, setSearchBound, TextIndex } from '../../src/retrieval/textIndex.js';

/** A small deterministic generator (the same corpora on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Invented words: a few very common ones (in most sentences), many rarer ones, and names with
// typo spellings (matched with typo tolerance as names).
const COMMON = ['council', 'harbour', 'budget', 'ferry', 'plan'];
const RARE = [
  'drainage',
  'lantern',
  'quarry',
  'orchard',
  'tunnel',
  'granary',
  'bellows',
  'saltmarsh',
  'causeway',
  'foundry',
  'windmill',
  'cistern',
  'pontoon',
  'aqueduct',
  'kiln',
  'weir',
];
const NAMES = ['Quenby', 'Quenbi', 'Marlowe', 'Marlow', 'Tesselin', 'Tesseline', 'Orvak'];
const FILLER = ['the', 'would', 'on', 'and', 'a', 'of', 'said', 'was'];

function sentenceText(rand: () => number, day: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const out: string[] = [];
  const length = 3 + Math.floor(rand() * 12);
  for (let i = 0; i < length; i++) {
    const r = rand();
    out.push(r < 0.35 ? pick(COMMON) : r < 0.55 ? pick(RARE) : r < 0.65 ? pick(NAMES) : pick(FILLER));
  }
  return `The ${out.join(' ')} met on day ${day}.`;
}

function corpus(seed: number, size: number): string[] {
  const rand = random(seed);
  return Array.from({ length: size }, (_, i) => sentenceText(rand, i));
}

function queries(seed: number, count: number): string[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const all = [...COMMON, ...RARE, ...NAMES];
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand() < 0.5 ? COMMON : all)).join(' '),
  );
}

function indexOf(texts: readonly string[]): TextIndex {
  const index = new TextIndex(['text']);
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
}

const miniOf = (index: TextIndex) => (index as unknown as { mini: MiniSearch }).mini;

/** MiniSearch's own search for what TextIndex.search asks: the exhaustive ranking. */
function reference(index: TextIndex, query: string, boost?: Record<string, number>) {
  const terms = queryTerms(query, index.isKnownName);
  const fuzzy = new Set(terms.filter((t) => t.fuzzy).map((t) => t.term));
  const exact = new Set(terms.map((t) => t.term));
  if (terms.length === 0) return [];
  return miniOf(index)
    .search(terms.map((t) => t.term).join(' '), {
      fuzzy: (term) => (fuzzy.has(term) ? 0.3 : false),
      boostDocument: (_id, term) => (exact.has(term) || index.isKnownName(term) ? 1 : 0),
      prefix: false,
      combineWith: 'OR',
      ...(boost ? { boost } : {}),
    })
    .map((r) => [r.id, r.score]);
}

const scores = (hits: Hit[]) => hits.map((h) => [h.id, h.score]);

afterEach(() => setSearchBound(true));

describe('search scores exactly as MiniSearch', () => {
  const texts = corpus(1, 3000);

  it('the same documents, scores and order, for a built index and one loaded from binary', () => {
    const built = indexOf(texts);
    const loaded = TextIndex.fromBinary(built.toBinary());
    for (const query of queries(2, 150)) {
      const expected = reference(built, query);
      expect(scores(built.search(query))).toEqual(expected);
      expect(scores(loaded.search(query))).toEqual(expected);
    }
  });

  it('with a limit and a filter, the first of the exhaustive ranking that pass', () => {
    const index = indexOf(texts);
    const even = (id: number) => id % 2 === 0;
    for (const query of queries(3, 60)) {
      const expected = reference(index, query)
        .filter(([id]) => even(id as number))
        .slice(0, 7);
      expect(scores(index.search(query, { limit: 7, filter: even }))).toEqual(expected);
    }
  });

  it('after documents are discarded and added', () => {
    const index = TextIndex.fromBinary(indexOf(texts).toBinary());
    index.discardAll([5, 17, 400, 2999]);
    index.addAll(corpus(9, 50).map((text, i) => ({ id: 5000 + i, text })));
    for (const query of queries(4, 60)) {
      // MiniSearch drops a discarded document's postings as it meets them, one occurrence per
      // search (a sentence has at most 14 words here): once it has, its ranking is the one to match.
      for (let again = 0; again < 14; again++) reference(index, query);
      const ref = reference(index, query);
      expect(scores(index.search(query))).toEqual(ref);
    }
  });

  it('with two fields and a field boost', () => {
    const rand = random(5);
    const index = new TextIndex(['title', 'text']);
    index.addAll(
      texts.slice(0, 800).map((text, id) => ({ id, text, title: sentenceText(rand, id).slice(0, 30) })),
    );
    for (const query of queries(6, 60))
      expect(scores(index.search(query, { boost: { title: 2 } }))).toEqual(
        reference(index, query, { title: 2 }),
      );
  });

  it('ranked gives every hit of search, in the same order', () => {
    const index = indexOf(texts);
    for (const query of queries(7, 40)) {
      const cursor = index.ranked(query);
      const all: Hit[] = [];
      for (let h = cursor.next(); h; h = cursor.next()) all.push(h);
      expect(all).toEqual(index.search(query));
    }
  });

  it('ranked with a weight orders by score times the weight of the words matched', () => {
    const index = indexOf(texts);
    const weigh = (matched: number, words: number) => matched / words;
    for (const query of queries(8, 40)) {
      const cursor = index.ranked(query, { weigh });
      const keys: number[] = [];
      for (let h = cursor.next(); h; h = cursor.next()) keys.push(h.score * weigh(h.matched, h.queryWords));
      expect(keys.length).toBe(index.search(query).length);
      for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeLessThanOrEqual(keys[i - 1] as number);
    }
  });
});

/** Counts the hits a ranking reads from an index. */
function counting(index: TextIndex): { reads: number } {
  const count = { reads: 0 };
  const ranked = index.ranked.bind(index);
  index.ranked = (query, options) => {
    const cursor = ranked(query, options);
    return {
      next: () => {
        const h = cursor.next();
        if (h) count.reads++;
        return h;
      },
    };
  };
  return count;
}

describe('ask reads only the hits that can reach its top answers', () => {
  const rand = random(11);
  const texts = corpus(12, 2500);
  const flags = [0, Features.person, Features.date, Features.number | Features.money];
  const sentences = texts.map(
    (text, id) =>
      ({
        id,
        article: `a${id % 40}`,
        paragraph: 1,
        sentence: 1,
        start: 0,
        end: text.length,
        text,
        kind: rand() < 0.1 ? 'caption' : 'sentence',
        features: flags[Math.floor(rand() * flags.length)] as number,
      }) as Sentence,
  );
  const index = indexOf(texts);
  const asked = queries(13, 80).map(
    (q, i) => `${['Who', 'When', 'How much', 'What did', 'Why'][i % 5]} ${q} ${i % 3 === 0 ? 'money' : ''}?`,
  );
  const rank = (question: string, bounded: boolean, prefer: boolean) => {
    setSearchBound(bounded);
    return rankSentences(index, sentences, question, {
      limit: 5,
      ...(prefer ? { prefer: (s: Sentence) => s.id % 9 === 0 } : {}),
    }).map((r) => [r.sentence.id, r.score, r.coverage]);
  };

  it('the same answers as reading every hit, with fewer hits read', () => {
    const count = counting(index);
    let exhaustive = 0;
    for (const question of asked) {
      for (const prefer of [false, true]) {
        count.reads = 0;
        const full = rank(question, false, prefer);
        exhaustive += count.reads;
        count.reads = 0;
        expect(rank(question, true, prefer)).toEqual(full);
      }
    }
    count.reads = 0;
    for (const question of asked) rank(question, true, false);
    expect(count.reads).toBeLessThan(exhaustive / 4);
  });
});

describe('who-said reads only the hits that can reach its top statements', () => {
  const rand = random(21);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const speakers = ['Mayor Dana Quell', 'Councillor Ivo Brandt', 'Engineer Sela Morrow', 'Harbour master'];
  const articles = Array.from({ length: 30 }, (_, a) => {
    const paragraphs = Array.from({ length: 8 }, (_, p) => {
      const quote = sentenceText(rand, a * 10 + p)
        .replace(/^The /, '')
        .replace(/\.$/, '');
      return `“${quote.charAt(0).toUpperCase()}${quote.slice(1)},” said ${pick(speakers)}.`;
    });
    return ingestArticle(parseArticle(`a${a}`, `a${a}.md`, paragraphs.join('\n\n'), 0));
  });
  const library = assembleLibrary('/tmp', articles, []);

  it('the same statements as reading every hit, with fewer hits read', () => {
    expect(library.statements.length).toBeGreaterThan(150);
    const count = counting(library.sentenceIndex);
    let exhaustive = 0;
    let bounded = 0;
    for (const topic of [...queries(22, 60), 'what did the mayor say about the harbour budget']) {
      for (const limit of [1, 5]) {
        setSearchBound(false);
        count.reads = 0;
        const full = rankStatements(library, topic, { limit }).map((r) => [r.statement.id, r.score]);
        exhaustive += count.reads;
        setSearchBound(true);
        count.reads = 0;
        expect(rankStatements(library, topic, { limit }).map((r) => [r.statement.id, r.score])).toEqual(full);
        bounded += count.reads;
      }
    }
    expect(bounded).toBeLessThan(exhaustive);
  });
});
