import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { answerType, rankSentences } from '../../src/retrieval/ask.js';
import { TextIndex } from '../../src/retrieval/textIndex.js';
import { bundledLibrary } from '../support/library.js';

describe('TextIndex', () => {
  it('finds misspelt names: Hegseth also finds sentences that spell him Hegses', async () => {
    const library = await bundledLibrary();
    const texts = library.sentenceIndex.search('Hegseth').map((h) => library.sentences[h.id]!.text);
    expect(texts.some((t) => /\bHegses\b/.test(t) && !/\bHegseth\b/.test(t))).toBe(true);
    expect(texts.some((t) => /\bHegseth\b/.test(t))).toBe(true);
    expect(texts.some((t) => /\bHealy\b/.test(t) && !/\bHeg/.test(t))).toBe(false);
  });

  it('matches a lower-case known name fuzzily too', async () => {
    const library = await bundledLibrary();
    const texts = library.sentenceIndex.search('hegses').map((h) => library.sentences[h.id]!.text);
    expect(texts.some((t) => /\bHegseth\b/.test(t))).toBe(true);
  });

  it('does not match common words fuzzily', () => {
    const index = new TextIndex(['text']);
    index.addAll([
      { id: 0, text: 'The cat sat.' },
      { id: 1, text: 'The cart moved.' },
    ]);
    expect(index.search('cat').map((h) => h.id)).toEqual([0]);
  });

  it('matches a name with typos only to names, never to a lower-case word', () => {
    const index = new TextIndex(['text']);
    index.addAll([
      { id: 0, text: 'The envoy Mark Latte said the talks would go on.' },
      { id: 1, text: 'The latter is not enough, the envoy said.' },
      { id: 2, text: 'Late on Tuesday the talks ended.' },
      { id: 3, text: 'Officials met Mark Lattes in the capital.' },
    ]);
    expect(index.search('Latte').map((h) => h.id)).toEqual([0, 3]);
    expect(index.search('Latte talks').some((h) => h.id === 1)).toBe(false);
  });

  it('counts how many query words a hit covers', () => {
    const index = new TextIndex(['text']);
    index.addAll([
      { id: 0, text: 'Ukraine talks resumed.' },
      { id: 1, text: 'Talks about Ukraine and NATO resumed.' },
    ]);
    const hits = index.search('Ukraine NATO talks');
    expect(hits.find((h) => h.id === 1)).toMatchObject({ matched: 3, queryWords: 3 });
    expect(hits.find((h) => h.id === 0)).toMatchObject({ matched: 2, queryWords: 3 });
  });

  it('can drop documents', () => {
    const index = new TextIndex(['text']);
    index.addAll([{ id: 7, text: 'Budget vote delayed.' }]);
    index.discardAll([7]);
    expect(index.search('budget')).toEqual([]);
  });
});

describe('answerType', () => {
  it.each([
    ['Who will not discuss the exchange of territory?', 'person'],
    ['When did Trump speak with Putin?', 'date'],
    ['How much money is left in the funds?', 'money'],
    ['What percentage of GDP should allies spend?', 'percent'],
    ['How many troops are deployed?', 'number'],
    ['Is NATO membership realistic?', null],
  ])('%s → %s', (question, type) => {
    expect(answerType(question)).toBe(type);
  });
});

describe('rankSentences on the bundled article', () => {
  const top = async (question: string) => {
    const library = await bundledLibrary();
    return rankSentences(library.sentenceIndex, library.sentences, question, { limit: 3 }).map(
      (r) => r.sentence.text,
    );
  };

  it('answers who will not discuss territory with Peskov’s sentence', async () => {
    expect((await top('Who will not discuss the exchange of territory?'))[0]).toMatch(/Dmitry Peskov said/);
  });

  it('answers a spending question with the 5% sentence', async () => {
    expect((await top('How much should allies spend on defense as a share of GDP?'))[0]).toMatch(/5% of GDP/);
  });

  it('answers a money question with the sentence that has the money', async () => {
    expect((await top('How much money is left in Congress-certified funds?'))[0]).toMatch(/\$4 billion/);
  });

  it('answers when Trump spoke with Putin with a dated sentence', async () => {
    expect((await top('When did Trump speak with Putin?'))[0]).toMatch(/Wednesday morning/);
  });

  it('finds the troops quote', async () => {
    expect((await top('Are US troops deployed in Ukraine?'))[0]).toMatch(/no US troops deployed/);
  });

  it('returns nothing for a question with no content words in the articles', async () => {
    expect(await top('Who won the football cup?')).toEqual([]);
  });

  it('drops sentences that match only a small part of the question', async () => {
    expect(await top('Who won the football cup in Ukraine?')).toEqual([]);
  });

  it('prefers what a person named in the question said', async () => {
    const library = await bundledLibrary();
    const [first] = runCommand(library, 'ask', { question: 'What did Peskov say about Russia?' }, 'cli')
      .results as Excerpt[];
    expect(first?.text).toMatch(/Dmitry Peskov said Wednesday/);
  });

  it('keeps to one article when filtered', async () => {
    const library = await bundledLibrary();
    const ranked = rankSentences(library.sentenceIndex, library.sentences, 'NATO', {
      limit: 100,
      filter: (s) => s.article === 'none',
    });
    expect(ranked).toEqual([]);
  });
});
