import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { summarize } from '../../src/summary/summarize.js';
import { bundledLibrary } from '../support/library.js';

function library(...articles: [id: string, text: string, mtimeMs?: number][]) {
  const ingested = articles.map(([id, text, mtime]) =>
    ingestArticle(parseArticle(id, `${id}.md`, text, mtime ?? 0)),
  );
  return assembleLibrary('/tmp/x', ingested, []);
}
const summary = (lib: ReturnType<typeof library>, options: Record<string, unknown>) =>
  runCommand(lib, 'summary', options, 'cli');

const STORY = [
  '---\ntitle: City council approves new harbour bridge\npublished: 2025-03-01\n---',
  'The city council approved a new harbour bridge on Monday after a long debate about its cost.',
  '![The old harbour bridge at dusk. The new bridge will replace it.](https://x.test/bridge.jpg)',
  'The bridge will cost 40 million dollars and open in 2027, the council said.',
  'The council approved the new harbour bridge on Monday after a long debate about the cost of it.',
  'He added that traffic would be diverted during the works.',
  'Local shops fear the works will keep customers away for two years.',
  'Cyclists welcomed the plan because the bridge includes a separate bike lane.',
  'The mayor said the harbour bridge was the largest project in the city for a decade.',
  'CNN’s Jane Doe reported.',
].join('\n');

describe('summarize', () => {
  const lib = library(['story', STORY]);
  const sentences = lib.articles[0]!.sentences;

  it('returns sentences in article order, never a caption or a credit', () => {
    const chosen = summarize(sentences, { count: 5, title: 'City council approves new harbour bridge' });
    expect(chosen.map((s) => s.id)).toEqual([...chosen.map((s) => s.id)].sort((a, b) => a - b));
    expect(chosen.every((s) => s.kind === 'sentence')).toBe(true);
    expect(chosen.some((s) => /reported\.$/.test(s.text))).toBe(false);
  });

  it('skips a near-duplicate of a chosen sentence', () => {
    const chosen = summarize(sentences, { count: 4 }).map((s) => s.text);
    expect(chosen.filter((t) => /approved (?:a|the) new harbour bridge on Monday/.test(t))).toHaveLength(1);
  });

  it('holds back a sentence that leans on one it lacks', () => {
    const chosen = summarize(sentences, { count: 2 }).map((s) => s.text);
    expect(chosen.some((t) => t.startsWith('He added'))).toBe(false);
  });

  it('chooses at most the number asked, and all when there are fewer', () => {
    expect(summarize(sentences, { count: 1 })).toHaveLength(1);
    expect(summarize(sentences, { count: 10 }).length).toBeLessThanOrEqual(7);
  });
});

describe('summary command', () => {
  const older =
    '---\ntitle: Old news\npublished: 2024-01-01\n---\nThe old story happened a long time ago in a small town.';
  const undated = 'The undated story about the harbour happened recently, officials said on Monday.';

  it('without an article summarises the newest by published date, and says which', () => {
    // The undated file's time (2024-06-01) is compared with the dates on the same scale.
    const result = summary(
      library(['old', older], ['story', STORY], ['undated', undated, Date.parse('2024-06-01')]),
      {
        sentences: 2,
      },
    );
    expect(result.notice).toMatch(
      /^Summary of the most recent article: “City council approves new harbour bridge” \(story, 2025-03-01\)/,
    );
    expect(result.results).toHaveLength(2);
  });

  it('prefers an undated file added today over an older dated article', () => {
    const lib = library(['story', STORY], ['undated', undated, Date.now()]);
    expect(summary(lib, {}).notice).toMatch(/^Summary of the most recent article: .*\(undated\)/);
  });

  it('falls back to file time when no article has a date', () => {
    const lib = library(
      ['a', 'First story about the harbour was written on Monday.', 1000],
      ['b', 'Second story about the bridge was written on Tuesday.', 2000],
    );
    expect(summary(lib, {}).notice).toMatch(/\(b\)/);
  });

  it('rejects a count outside 1 to 10', () => {
    const lib = library(['story', STORY]);
    expect(summary(lib, { sentences: 0 }).error?.code).toBe('bad-input');
    expect(summary(lib, { sentences: 11 }).error?.code).toBe('bad-input');
  });

  it('with a focus keeps to sentences about it', () => {
    const result = summary(library(['story', STORY]), {
      article: 'story',
      focus: 'bike lane cyclists',
      sentences: 1,
    });
    expect((result.results[0] as Excerpt).text).toMatch(/^Cyclists welcomed the plan/);
  });

  it('with a focus and no article summarises the topic across articles, citing each sentence’s own article', () => {
    const other =
      '---\ntitle: Ferry prices rise\n---\nFerry prices will rise in May because the harbour bridge works close the quay, the operator said.';
    const result = summary(library(['story', STORY], ['ferry', other]), {
      focus: 'harbour bridge',
      sentences: 4,
    });
    expect(new Set((result.results as Excerpt[]).map((r) => r.citation.article))).toEqual(
      new Set(['story', 'ferry']),
    );
    expect(result.notice).toBe('What 2 articles say about “harbour bridge”.');
  });

  it('says so when nothing is loaded', () => {
    expect(summary(library(), {}).notice).toMatch(/No articles are loaded/);
  });

  it('on the bundled article, leads with the lead and cites every sentence exactly', async () => {
    const lib = await bundledLibrary();
    const result = summary(lib, {});
    const results = result.results as Excerpt[];
    expect(results).toHaveLength(5);
    expect(results[0]?.text).toMatch(/^US Defense Secretary Pete Hegses on Wednesday noted/);
    for (const r of results)
      expect(lib.article(r.citation.article).text.slice(r.citation.start, r.citation.end)).toBe(r.text);
  });
});
