import { describe, expect, it } from 'vitest';
import { COMMON_TERM_DOCUMENTS, setSearchBound, TextIndex } from '../../src/retrieval/textIndex.js';

const SENTENCES = [
  'The harbour council voted to delay the new ferry timetable.',
  'Councillor Marisol Quenby said the ferry would run until midnight.',
  'Quenbi told reporters the timetable was never final.',
  'Fares rose by 4% in March, the operator said.',
  'Residents said the council had ignored them.',
];

function indexOf(texts: readonly string[]): TextIndex {
  const index = new TextIndex(['text']);
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
}

const ranking = (index: TextIndex, query: string) =>
  index.search(query).map((h) => [h.id, Number(h.score.toFixed(9)), h.matched, h.queryWords]);

describe('binary index', () => {
  it('loads back with the same rankings, names and typo matches', () => {
    const built = indexOf(SENTENCES);
    built.discardAll([4]);
    const loaded = TextIndex.fromBinary(structuredClone(built.toBinary()));
    for (const query of ['ferry timetable', 'Quenby', 'council said', 'fares March', 'residents'])
      expect(ranking(loaded, query)).toEqual(ranking(built, query));
    expect(loaded.isKnownName('quenby')).toBe(true);
    expect(loaded.size).toBe(built.size);
    expect(loaded.wordSets('ferry')).toEqual(built.wordSets('ferry'));
  });

  it('an index loaded from binary still takes new documents', () => {
    const loaded = TextIndex.fromBinary(indexOf(SENTENCES).toBinary());
    loaded.addAll([{ id: 10, text: 'The lighthouse keeper retired.' }]);
    expect(loaded.search('lighthouse').map((h) => h.id)).toEqual([10]);
  });
});

describe('bounded search', () => {
  // A common word in more documents than the bound, a rare one in a few of them.
  const texts = Array.from({ length: COMMON_TERM_DOCUMENTS + 300 }, (_, i) =>
    i % 400 === 7
      ? `The council approved the drainage budget on day ${i}.`
      : `The council met again on day ${i} and adjourned.`,
  );
  const index = indexOf(texts);
  const exhaustive = (query: string) => {
    setSearchBound(false);
    try {
      return index.search(query);
    } finally {
      setSearchBound(true);
    }
  };

  it('scores the common word exactly on the documents the rare word finds', () => {
    const bounded = index.search('council drainage');
    const full = exhaustive('council drainage');
    const rare = full.filter((h) => h.matched === 2);
    expect(rare.length).toBeGreaterThan(3);
    expect(bounded.map((h) => [h.id, h.score.toFixed(9), h.matched])).toEqual(
      rare.map((h) => [h.id, h.score.toFixed(9), h.matched]),
    );
  });

  it('a query of common words alone still finds every match', () => {
    expect(index.search('council').length).toBe(exhaustive('council').length);
  });
});
