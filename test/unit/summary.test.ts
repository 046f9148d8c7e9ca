import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { isGluedCaption, readings, standings } from '../../src/summary/context.js';
import { scoreSentences, summarize } from '../../src/summary/summarize.js';
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

  it('scores an article analysed before exactly as a fresh copy of it, with and without title or focus', () => {
    const title = 'City council approves new harbour bridge';
    const aboutShops = (s: { text: string }) => (/shops|customers/.test(s.text) ? 1 : 0);
    // Analysed once per list: the second call on `sentences` reuses it, a copied list starts afresh.
    for (const options of [{}, { title }, { title, focus: aboutShops }, { focus: aboutShops }]) {
      const again = scoreSentences(sentences, options);
      const fresh = scoreSentences([...sentences], options);
      expect(again.map((s) => [s.sentence.id, s.score, s.content])).toEqual(
        fresh.map((s) => [s.sentence.id, s.score, s.content]),
      );
    }
    // A title changes the scores: the memo is per title, not one per article.
    const withTitle = scoreSentences(sentences, { title }).map((s) => s.content);
    const without = scoreSentences(sentences, {}).map((s) => s.content);
    expect(withTitle).not.toEqual(without);
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

describe('sentences that cannot stand alone', () => {
  const text = [
    '---\ntitle: Harbour bridge opens\npublished: 2025-04-01\n---',
    'They said it could not be done, but the harbour bridge opened on Monday after three years of work.',
    'The mayor cut the ribbon in front of a crowd of several thousand residents and workers.',
    '“We will rebuild every road in the city. Nobody will be left behind on the east side,” she said.',
    'Scroll down for video The mayor cuts the ribbon at the new harbour bridge on Monday morning.',
    'Opening day: Crowds walk across the new harbour bridge in the spring sunshine on Monday.',
    'Traffic on the old ferry route fell by half within hours, the port authority said on Monday.',
    'The council expects the bridge to carry forty thousand cars a day by the end of the year.',
    'Engineers checked the cables twice before the opening. Be ready to wait for hours at the crossing on the first day.',
    '“The bridge is a promise kept,” said Ana Ruiz, the head of the residents’ association.',
  ].join('\n');
  const lib = library(['bridge', text]);
  const sentences = lib.articles[0]!.sentences;
  const chosen = summarize(sentences, { count: 10 }).map((s) => s.text);

  it('never chooses a quotation whose speaker is not in it', () => {
    expect(chosen.some((t) => t.startsWith('“We will rebuild'))).toBe(false);
    expect(chosen.some((t) => t.startsWith('Nobody will be left behind'))).toBe(false);
    // A quotation with its speaker is fine.
    expect(chosen.some((t) => t.startsWith('“The bridge is a promise kept,” said Ana Ruiz'))).toBe(true);
  });

  it('never chooses a caption glued into the text', () => {
    expect(chosen.some((t) => /^Scroll down|^Opening day:/.test(t))).toBe(false);
  });

  it('lets the first sentence open on a pronoun, and holds a bare verb to the sentence before it', () => {
    const standing = standings(sentences);
    const of = (start: string) => standing.get(sentences.find((s) => s.text.startsWith(start))!.id);
    expect(of('They said it could not be done')).toBe('alone');
    expect(of('Be ready to wait')).toBe('leans');
    expect(of('“We will rebuild')).toBe('never');
    expect(of('Nobody will be left behind')).toBe('never');
    expect(of('Scroll down')).toBe('never');
    expect(of('The council expects')).toBe('alone');
  });

  it('starts from the lead: at 3 sentences, the first three that stand alone', () => {
    expect(summarize(sentences, { count: 3 }).map((s) => s.text.slice(0, 20))).toEqual([
      'They said it could n',
      'The mayor cut the ri',
      'Traffic on the old f',
    ]);
  });

  it('on the bundled article at 10 sentences, has no speakerless quote and no subjectless fragment', async () => {
    const bundled = await bundledLibrary();
    const texts = (summary(bundled, { sentences: 10 }).results as Excerpt[]).map((r) => r.text);
    expect(texts).toHaveLength(10);
    for (const t of texts) {
      expect(t).not.toMatch(/^Be able to tell/);
      expect(t).not.toMatch(/^“(?:Deterrent|I don’t think it’s practical)/);
    }
  });
});

describe('focus', () => {
  it('keeps every chosen sentence to all the focus words (near spellings count)', async () => {
    const bundled = await bundledLibrary();
    const texts = (summary(bundled, { focus: 'defence spending' }).results as Excerpt[]).map((r) => r.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/\bspend/i);
    for (const t of texts) expect(t).toMatch(/\bdefen[cs]/i);
  });

  it('requires the topic’s words, finding near spellings through the index', () => {
    const lib = library([
      'bridge',
      [
        '---\ntitle: Defence budget\n---',
        'The defense ministry will raise spending on ships next year, the minister said on Tuesday.',
        'The defence ministry opened a new office in the north of the country last week.',
        'Spending on schools will rise by two percent, the finance minister said.',
        'Drivers were told to cut their speed on the bridge during the storm.',
      ].join('\n'),
    ]);
    const texts = (
      summary(lib, { article: 'bridge', focus: 'defence spending', sentences: 3 }).results as Excerpt[]
    ).map((r) => r.text);
    expect(texts).toEqual([
      'The defense ministry will raise spending on ships next year, the minister said on Tuesday.',
    ]);
    const sets = lib.sentenceIndex.wordSets('spend');
    expect(sets[0]?.ids.size).toBe(2);
  });
});

describe('captions and the sentence a pronoun leans on', () => {
  const text = [
    '---\ntitle: Storm closes the ferry\npublished: 2025-05-01\n---',
    'Ferry crossings cancelled as the storm reaches the coast',
    'They will not sail again before Thursday, the ferry company said on Tuesday evening.',
    'Harbour staff tied down the boats and closed the waiting room at noon.',
    'Stormy: Waves crash over the harbour wall in the afternoon',
    'It said the first boats would leave at six in the morning if the wind dropped.',
    'The harbour master said: “Nobody should go near the wall until the wind drops.”',
    'He said: “We have never closed the port for this long.”',
  ].join('\n');
  const lib = library(['ferry', text]);
  const sentences = lib.articles[0]!.sentences;
  const find = (start: string) => sentences.find((s) => s.text.startsWith(start))!;
  const reading = readings(sentences);

  it('takes a short line without a full stop for a caption or heading, not for story text', () => {
    expect(reading.get(find('Ferry crossings cancelled').id)?.standing).toBe('never');
    expect(reading.get(find('Stormy:').id)?.standing).toBe('never');
  });

  it('opens the story at its first story sentence, after a heading', () => {
    expect(reading.get(find('They will not sail').id)?.standing).toBe('alone');
  });

  it('has a pronoun after a glued caption lean on the story sentence before the caption', () => {
    expect(reading.get(find('It said the first boats').id)).toEqual({
      standing: 'leans',
      leansOn: find('Harbour staff tied down').id,
    });
    const chosen = summarize(sentences, { count: 3 }).map((s) => s.text.slice(0, 16));
    expect(chosen).toEqual(['They will not sa', 'Harbour staff ti', 'It said the firs']);
  });

  it('reads "He said:" as a quotation that leans on its speaker, not as a caption label', () => {
    expect(reading.get(find('He said:').id)).toEqual({
      standing: 'leans',
      leansOn: find('The harbour master said:').id,
    });
    expect(reading.get(find('The harbour master said:').id)?.standing).toBe('alone');
  });

  it('tells a caption label from a speech introduction and a title with a colon', () => {
    expect(isGluedCaption('Sale: The actor is selling his collection of old maps.')).toBe(true);
    expect(isGluedCaption('Opening day: Crowds walk across the new bridge.')).toBe(true);
    expect(isGluedCaption('She said: “The bridge will open in May.”')).toBe(false);
    expect(isGluedCaption('Police told reporters: “Two men were arrested.”')).toBe(false);
    expect(
      isGluedCaption('Rise of the Machines: The Sequel opened in cinemas across the country on Friday.'),
    ).toBe(false);
  });
});
