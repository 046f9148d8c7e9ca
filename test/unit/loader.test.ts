import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, parseArticle } from '../../src/ingest/parse.js';
import { SEED_FILE, SEED_ID, tempArticles } from '../support/library.js';

describe('the bundled article', async () => {
  const { parsed, skipped } = await loadArticles(path.dirname(SEED_FILE));
  const article = parsed.find((p) => p.article.id === SEED_ID)!.article;
  const file = readFileSync(SEED_FILE, 'utf8');

  it('loads with its front matter', () => {
    expect(skipped).toEqual([]);
    expect(article.meta).toMatchObject({
      title:
        "Hegseth excludes NATO membership in Ukraine and says Europe must be in charge of the country's security",
      source: 'CNN',
      dateline: 'Brussels',
      published: '2025-02-12',
    });
    expect(article.text).toBe(file);
  });

  it('splits 65 sentences in 35 paragraphs (one where a machine translation lost a full stop), one of them the photo caption', () => {
    expect(article.sentences.filter((s) => s.kind === 'sentence')).toHaveLength(65);
    expect(article.paragraphs).toHaveLength(35);
    const captions = article.sentences.filter((s) => s.kind === 'caption');
    expect(captions).toHaveLength(1);
    expect(captions[0]!.text).toMatch(
      /^Hegseth excludes NATO membership .* Wednesday in Brussels, Belgium\.$/,
    );
    expect(captions[0]!.text).not.toContain('](');
  });

  it('treats the dateline block as metadata, not a sentence', () => {
    expect(file.slice(article.header!.start, article.header!.end)).toBe('Brussels\nCNN\n–');
    const first = article.sentences[0]!;
    expect(first.paragraph).toBe(1);
    expect(first.text.startsWith('US Defense Secretary Pete Hegses on Wednesday')).toBe(true);
  });

  it('keeps the credits out of the content', () => {
    const credits = article.credits.map((c) => file.slice(c.start, c.end));
    expect(credits).toEqual([
      'CNN’s Anna Chernova and Katherine Nichols, Samantha Waldernberg and Alejandra Jaramiro reported.',
      'This story has been updated with additional reports.',
    ]);
    expect(article.sentences.some((s) => /reported\.$|additional reports/.test(s.text))).toBe(false);
    expect(article.sentences.at(-1)!.text).toMatch(/^Similarly, European officials said/);
  });

  it('gives every sentence and caption exact offsets into the file', () => {
    for (const s of article.sentences) expect(file.slice(s.start, s.end)).toBe(s.text);
    for (const p of article.paragraphs) expect(file.slice(p.start, p.end).length).toBeGreaterThan(0);
  });

  it('splits where a full stop is missing before a new sentence', () => {
    const split = article.sentences.find((s) => s.text.startsWith('He said he would not prioritize'))!;
    expect([split.paragraph, split.sentence]).toEqual([1, 2]);
  });

  it('numbers sentences within paragraphs from 1', () => {
    const quote = article.sentences.find((s) => s.text.startsWith('“The US does not consider'))!;
    expect([quote.paragraph, quote.sentence]).toEqual([3, 1]);
    const next = article.sentences.find((s) => s.text.startsWith('He added that the security'))!;
    expect([next.paragraph, next.sentence]).toEqual([3, 2]);
  });

  it('keeps a stray closing quote with its sentence instead of making it a sentence', () => {
    const s = article.sentences.find((x) => x.text.includes('protect our own continent'))!;
    expect(s.text.endsWith('safety.” .')).toBe(true);
  });
});

describe('bad files', () => {
  it('skips each unusable file with a reason and loads the rest', async () => {
    const big = `${'word '.repeat(1_100_000)}.`;
    const dir = tempArticles({
      'good.md': '---\ntitle: Good\n---\nThe minister said the talks would resume.',
      'empty.md': '',
      'blank.txt': '   \n\n',
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from('Caf\xe9 society met.', 'latin1'),
      'front-only.md': '---\ntitle: Nothing else\n---\n',
      'broken-front.md': '---\ntitle: [oops\n---\nText here.',
      'unclosed.md': '---\ntitle: x\nText here.',
      'big.md': big,
      'notes.json': '{"ignored": true}',
    });
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'nested.md'), 'Nested articles are ignored.');
    symlinkSync(path.join(dir, 'good.md'), path.join(dir, 'linked.md'));
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));
    symlinkSync(path.join(dir, 'loop-b.md'), path.join(dir, 'loop-a.md'));
    symlinkSync(path.join(dir, 'loop-a.md'), path.join(dir, 'loop-b.md'));

    const { parsed, skipped } = await loadArticles(dir);
    expect(parsed.map((p) => p.article.id).sort()).toEqual(['good', 'linked']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(reasons).toMatchObject({
      'empty.md': 'empty file',
      'blank.txt': 'empty file',
      'binary.md': expect.stringMatching(/UTF-8|binary/),
      'latin1.txt': 'not UTF-8 text',
      'front-only.md': 'no sentences',
      'broken-front.md': expect.stringMatching(/YAML/),
      'unclosed.md': expect.stringMatching(/closing/),
      'big.md': expect.stringMatching(/5 MiB/),
      'dangling.md': expect.stringMatching(/missing/),
      'loop-a.md': expect.stringMatching(/loop/),
      'loop-b.md': expect.stringMatching(/loop/),
    });
    expect(Object.keys(reasons)).not.toContain('notes.json');
  });

  it('gives two files with the same id one article and names the clash', async () => {
    const dir = tempArticles({ 'same.md': 'First version here.', 'same.txt': 'Second version here.' });
    const { parsed, skipped } = await loadArticles(dir);
    expect(parsed).toHaveLength(1);
    expect(skipped[0]).toEqual({ file: 'same.txt', reason: 'same article id "same" as same.md' });
  });

  it('takes the title from a heading, else the id', () => {
    expect(parseArticle('x', 'x.md', '# Big news\n\nIt happened.', 0).article.meta.title).toBe('Big news');
    expect(parseArticle('x', 'x.md', 'It happened.', 0).article.meta.title).toBe('x');
  });
});
