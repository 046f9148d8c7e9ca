import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { answerType, rankSentences } from '../../src/retrieval/ask.js';
import { placesIn } from '../../src/retrieval/places.js';
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

describe('ask: plain answers', () => {
  const libraryOf = (text: string) =>
    assembleLibrary('/tmp/x', [ingestArticle(parseArticle('port', 'port.md', text, 0))], []);
  const ask = (lib: ReturnType<typeof libraryOf>, question: string) =>
    (runCommand(lib, 'ask', { question }, 'cli').results as Excerpt[]).map((r) => r.text);
  const PORT = [
    '---\ntitle: Port talks\n---',
    'The harbour authority has about $2 million in grants left for the year.',
    'Money for the harbour was discussed at length by the committee on Monday.',
    'France has a long coastline and many busy ports along the Atlantic.',
    '“We will send two more ships to the harbour this spring,” French Transport Minister Anne Leclerc said on Monday.',
    'The committee will meet again in June to discuss the repairs.',
  ].join('\n');

  it('answers a question of amount with the sentence that holds the amount, though it never says “money”', () => {
    expect(ask(libraryOf(PORT), 'How much money is left for repairs?')[0]).toMatch(
      /\$2 million in grants left/,
    );
  });

  it('answers a question about a country with what its people said (France ~ French)', () => {
    expect(ask(libraryOf(PORT), 'What did France promise?')[0]).toMatch(/Anne Leclerc said/);
  });

  it('on the bundled article: the money left for aid, and what the UK minister answered', async () => {
    const library = await bundledLibrary();
    const first = (question: string) =>
      (runCommand(library, 'ask', { question }, 'cli').results as Excerpt[])[0]?.text ?? '';
    expect(first('How much money is left for aid?')).toMatch(/almost \$4 billion/);
    expect(first('What did the UK promise?')).toMatch(/British Defense Secretary John Healy responded/);
    expect(first('What did British officials promise?')).toMatch(/John Healy responded/);
    expect(first('What has the United Kingdom promised?')).toMatch(/John Healy responded/);
  });
});

describe('places', () => {
  it('knows a country by its names, codes and demonyms, written as names', () => {
    const code = (text: string) => placesIn(text).map((p) => p.code);
    for (const name of ['the UK', 'Britain', 'British officials', 'the United Kingdom'])
      expect(code(name)).toEqual(['GB']);
    expect(code('Ukrainian Defense Minister')).toEqual(['UA']);
    expect(code('Latvian Defense Minister')).toEqual(['LV']);
    expect(code('Kremlin spokesman')).toEqual(['RU']);
    expect(code('they told us about a turkey')).toEqual([]);
  });
});
