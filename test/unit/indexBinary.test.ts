import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/retrieval/textIndex.js';

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
