import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, words } from '../../src/nlp/terms.js';

describe('term pipeline', () => {
  it('normalises case, accents, apostrophes and possessives', () => {
    expect(words('Ukraine’s Zélensky CAN’T').map((w) => w.plain)).toEqual(['ukraine', 'zelensky', 'cant']);
  });

  it('keeps acronyms that spell stop words, drops the stop words', () => {
    expect(indexTerms('The US will help us')).toEqual(['us', 'help']);
    expect(indexTerms('U.S. troops')).toEqual(['us', 'troop']);
  });

  it('keeps numbers, joining thousands', () => {
    expect(indexTerms('5% of 2,000 and $4.5 billion in the 1990s')).toEqual([
      '5',
      '2000',
      '4.5',
      'billion',
      '1990',
    ]);
  });

  it('splits hyphenated words', () => {
    expect(indexTerms('post-war long-range')).toEqual(['post', 'war', 'long', 'rang']);
  });

  it('indexes a capitalised word both stemmed and as written, for fuzzy name matching', () => {
    expect(indexTerms('Hegses said the talks failed')).toEqual(['hegs', 'hegses', 'talk', 'fail']);
  });

  it('marks names in a query as fuzzy, and only them', () => {
    expect(queryTerms('What did Hegseth say about spending?')).toEqual([
      { term: 'hegseth', fuzzy: true },
      { term: 'spend', fuzzy: false },
    ]);
    expect(queryTerms('hegseth spending', (w) => w === 'hegseth')[0]).toEqual({
      term: 'hegseth',
      fuzzy: true,
    });
  });

  it('gives nothing for a query of stop words and symbols', () => {
    expect(queryTerms('who is the?! 🙂 ')).toEqual([]);
  });
});
