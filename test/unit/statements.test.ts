import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import {
  findSources,
  rankStatements,
  speakersByName,
  suggestSpeakers,
  wordDiff,
} from '../../src/retrieval/statements.js';
import { bundledLibrary } from '../support/library.js';

const run = async (command: string, options: Record<string, unknown>) =>
  runCommand(await bundledLibrary(), command, options, 'cli').results as Excerpt[];

describe('who-said on the bundled article', () => {
  it('ranks the statement that matches the topic first, with speaker, role and exact offsets', async () => {
    const library = await bundledLibrary();
    const [top] = await run('who-said', { topic: 'NATO membership realistic outcome' });
    expect(top?.speaker).toMatchObject({ name: 'Pete Hegses', description: 'US Defense Secretary' });
    expect(top?.speaker?.aliases).toEqual(expect.arrayContaining(['Hegseth', 'Heggs', 'Hegus']));
    const file = library.article(top!.citation.article).text;
    expect(file.slice(top!.citation.start, top!.citation.end)).toBe(top!.text);
    expect(file.slice(top!.quoteStart!, top!.quoteEnd!)).toBe(top!.quote);
    expect(top?.quote).toBe(
      'The US does not consider Ukraine’s NATO membership to be a realistic outcome of the negotiated settlement,',
    );
  });

  it('keeps to the person a topic names', async () => {
    const results = await run('who-said', { topic: 'what did Trump say about NATO', limit: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.speaker?.name === 'Donald Trump')).toBe(true);
  });

  it('prefers the statement with the topic word for word', async () => {
    const [top] = await run('who-said', { topic: 'practical to have it' });
    expect(top?.text).toMatch(/^“I don’t think it’s practical to have it\./);
  });

  it('never turns a name into a common word: Latte finds the NATO chief, no “latter” or “Late”', async () => {
    const result = runCommand(await bundledLibrary(), 'who-said', { topic: 'Latte', limit: 10 }, 'cli');
    const results = result.results as Excerpt[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.text).not.toMatch(/\blatter\b|\bLate\b/);
      expect(r.speaker?.name).toBe('Mark Latte');
    }
    expect(result.notice).toBeUndefined();
  });

  it('says when a name in the topic is nobody who speaks', async () => {
    const result = runCommand(await bundledLibrary(), 'who-said', { topic: 'Ladakhanlev', limit: 10 }, 'cli');
    expect(result.notice).toMatch(/^No speaker named “Ladakhanlev”/);
  });

  it('finds nothing for a topic nobody spoke about', async () => {
    expect(await run('who-said', { topic: 'football transfer window' })).toEqual([]);
  });
});

describe('quotes', () => {
  it('merges every spelling of a name, in article order', async () => {
    for (const name of ['Hegseth', 'hegses', 'Heggs', 'Pete Hegseth']) {
      const results = await run('quotes', { speaker: name });
      expect(results.length).toBeGreaterThanOrEqual(8);
      expect(results.every((r) => r.speaker?.name === 'Pete Hegses')).toBe(true);
      const starts = results.map((r) => r.citation.start);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    }
  });

  it('does not mix in a different person with a similar name', async () => {
    const results = await run('quotes', { speaker: 'Healy' });
    expect(results.map((r) => r.speaker?.name)).toEqual(['John Healy', 'John Healy']);
  });

  it('lists every statement without a speaker, and nothing for an unknown name', async () => {
    const library = await bundledLibrary();
    expect(await run('quotes', {})).toHaveLength(library.statements.length);
    expect(await run('quotes', { speaker: 'Somebody Unknown' })).toEqual([]);
  });

  it('says when a name matches no speaker, and suggests the closest one', async () => {
    const library = await bundledLibrary();
    const result = runCommand(library, 'quotes', { speaker: 'Hegset' }, 'cli');
    expect(result.results).toEqual([]);
    expect(result.notice).toBe('No speaker named “Hegset”; did you mean Pete Hegseth?');
    expect(runCommand(library, 'quotes', { speaker: 'Somebody Unknown' }, 'cli').notice).toBe(
      'No speaker named “Somebody Unknown”.',
    );
    expect(runCommand(library, 'quotes', { speaker: 'Hegus' }, 'cli').notice).toBeUndefined();
  });

  it('resolves names only under spellings the articles use, all four spellings to one person', async () => {
    const library = await bundledLibrary();
    for (const name of ['Hegseth', 'Hegses', 'Heggs', 'Hegus', 'Pete'])
      expect(speakersByName(library, name).map((s) => s.name)).toEqual(['Pete Hegses']);
    expect(speakersByName(library, 'Hegset')).toEqual([]);
    expect(speakersByName(library, 'Heg')).toEqual([]);
  });

  it('resolves names: exact, surname, typo', async () => {
    const library = await bundledLibrary();
    expect(speakersByName(library, 'Peskov').map((s) => s.name)).toEqual(['Dmitry Peskov']);
    expect(speakersByName(library, 'Breckelmans').map((s) => s.name)).toEqual(['Reuben Breckelmans']);
    expect(speakersByName(library, 'Putin')).toEqual([]);
  });
});

describe('find-source', () => {
  it('traces a paraphrased, misspelt quote to its statement with a word diff', async () => {
    const library = await bundledLibrary();
    const [match] = findSources(library, 'Russia will never discus exchanging its territory', 3);
    expect(match?.statement.speaker).not.toBeNull();
    expect(library.speakers[match!.statement.speaker!]?.name).toBe('Dmitry Peskov');
    expect(match?.diff.some((d) => d.op === 'removed')).toBe(true);
  });

  it('finds a partial quote and a short one', async () => {
    const library = await bundledLibrary();
    expect(findSources(library, 'abandoned one of their main leverages', 1)[0]?.score).toBeGreaterThan(0.8);
    const [short] = findSources(library, 'We will!', 1);
    expect(library.speakers[short!.statement.speaker!]?.name).toBe('John Healy');
  });

  it('finds nothing for unrelated text', async () => {
    expect(findSources(await bundledLibrary(), 'the pizza was cold and the service slow', 3)).toEqual([]);
  });

  it('diffs word by word, ignoring case and punctuation', () => {
    expect(wordDiff('“We will win,” he said', 'we shall WIN')).toEqual([
      { op: 'same', text: 'we' },
      { op: 'removed', text: 'will' },
      { op: 'added', text: 'shall' },
      { op: 'same', text: 'win' },
      { op: 'removed', text: 'he said' },
    ]);
  });
});

describe('speaker autocomplete', () => {
  it('suggests names with statement counts, by prefix of any name word', async () => {
    const library = await bundledLibrary();
    const [first] = suggestSpeakers(library, 'pes');
    expect(first).toEqual({ name: 'Dmitry Peskov (1)', value: 'Dmitry Peskov' });
    const all = suggestSpeakers(library, '');
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all[0]?.value).toBe('Pete Hegses');
  });
});

describe('across articles', () => {
  it('ranks statements from several articles and cites each one’s own article', () => {
    const a = ingestArticle(
      parseArticle('one', 'one.md', 'Mayor Jane Ortiz said the bridge would reopen in May.', 0),
    );
    const b = ingestArticle(
      parseArticle('two', 'two.md', '“The bridge will never reopen,” Ortiz said on Friday.', 0),
    );
    const library = assembleLibrary('/tmp', [a, b], []);
    const ranked = rankStatements(library, 'bridge reopen', { limit: 5 });
    expect(ranked.map((r) => r.statement.article).sort()).toEqual(['one', 'two']);
    expect(new Set(ranked.map((r) => r.statement.speaker)).size).toBe(1);
  });
});

describe('a name in the topic', () => {
  it('is a topic word when the person it names said nothing about the rest of the topic', () => {
    const text =
      'Coach Lena Varga said the team would train all summer.\n\nTeammate Joel Brandt said that Varga “never once missed a practice, not even in the snow.”';
    const library = assembleLibrary('/tmp', [ingestArticle(parseArticle('one', 'one.md', text, 0))], []);
    const [top] = rankStatements(library, 'missed practice snow Varga', { limit: 5 });
    expect(library.speakers[top!.statement.speaker!]?.name).toBe('Joel Brandt');
    const [own] = rankStatements(library, 'Varga train summer', { limit: 5 });
    expect(library.speakers[own!.statement.speaker!]?.name).toBe('Lena Varga');
  });
});

describe('two statements in one sentence', () => {
  it('puts first the statement whose own words have the topic', () => {
    const text =
      'The port reopened on Monday.\n\n“The cranes are all working again,” harbour master Ada Quinn said, “but the night shift is still short of pilots.”';
    const library = assembleLibrary('/tmp', [ingestArticle(parseArticle('one', 'one.md', text, 0))], []);
    const quotes = rankStatements(library, 'night shift pilots', { limit: 5 }).map((r) =>
      text.slice(r.statement.quoteStart, r.statement.quoteEnd),
    );
    expect(quotes[0]).toMatch(/night shift/);
  });
});
