/** From a fetched page to an article file the loader reads back. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/corpus/frontMatter.js';
import { readArticleFile } from '../../src/ingest/parse.js';
import { parseAllowList } from '../../src/sources/address.js';
import type { Extraction } from '../../src/sources/extract.js';
import { articleFileText, articleFromHtml, fetchArticle, suggestedId } from '../../src/sources/page.js';
import { LOGIN_PAGE, newsPage, STORY, TITLE } from '../support/newsPages.js';
import { type PageServer, send, startPageServer } from '../support/pageServer.js';

let server: PageServer;
const allow = parseAllowList('127.0.0.1');

beforeAll(async () => {
  server = await startPageServer({
    '/story': send(newsPage()),
    '/login': send(LOGIN_PAGE),
    '/plain': send(`${TITLE}\n\n${STORY.join('\n\n')}`, 'text/plain; charset=utf-8'),
  });
});
afterAll(() => server.close());

const tricky: Extraction = {
  title: 'Mayor: "No comment" — #1 issue? [Update]',
  site: 'Gazette: Evening',
  authors: ['Ann O’Neil', 'yes'],
  published: '2026-11-26',
  canonicalUrl: 'https://gazette.example/a?b=1#c',
  paragraphs: [
    '# Not a heading, just a number sign.',
    '---',
    'A second paragraph with: a colon.',
    '![not an image](x)',
  ],
  captions: ['A [bracketed] caption.'],
};

describe('articleFileText', () => {
  it('writes front matter that reads back exactly, whatever the characters', () => {
    const file = articleFileText(tricky);
    const { meta } = readFrontMatter(file);
    expect(meta).toMatchObject({
      title: tricky.title,
      source: tricky.site,
      url: tricky.canonicalUrl,
      published: '2026-11-26',
      authors: ['Ann O’Neil', 'yes'],
    });
  });

  it('writes a body the loader lays out as the same paragraphs, captions last', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-page-'));
    try {
      const x: Extraction = { ...tricky, paragraphs: STORY, captions: ['Rust on the deck.'] };
      const file = path.join(dir, `${suggestedId(x)}.md`);
      writeFileSync(file, articleFileText(x));
      const { article } = await readArticleFile(file, 0);
      const texts = article.paragraphs.map((p) => article.text.slice(p.start, p.end));
      expect(texts).toEqual([...STORY, 'Rust on the deck.']);
      expect(article.paragraphs.at(-1)?.kind).toBe('caption');
      expect(article.meta.title).toBe(tricky.title);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps markup-like paragraph starts from turning into headings or rules', () => {
    const body = articleFileText(tricky).split('---\n').slice(2).join('---\n');
    expect(body).not.toMatch(/^#|^---$|^!\[not/m);
  });

  it('suggests an id from the date and title', () => {
    expect(suggestedId({ ...tricky, title: 'Café owners’ “big” win!' })).toBe(
      '2026-11-26-cafe-owners-big-win',
    );
  });
});

describe('fetchArticle', () => {
  it('fetches, extracts in the worker and formats a page', async () => {
    const { extraction, text, url } = await fetchArticle(`${server.origin}/story`, { allow });
    expect(url).toBe(`${server.origin}/story`);
    expect(extraction.title).toBe(TITLE);
    expect(extraction.paragraphs).toEqual(STORY);
    expect(text).toContain(`title: "${TITLE}"`);
  });

  it('reads plain-text pages', async () => {
    const { extraction } = await fetchArticle(`${server.origin}/plain`, { allow });
    expect(extraction.title).toBe(TITLE);
    expect(extraction.paragraphs).toEqual(STORY);
  });

  it('reads an uploaded HTML file, decoding its declared charset', async () => {
    const html = newsPage().replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const bytes = Buffer.from(
      html.replace(/[’“”]/g, (c) => ({ '’': '\x92', '“': '\x93', '”': '\x94' })[c] as string),
      'latin1',
    );
    const { extraction, url } = await articleFromHtml(bytes, 'saved page.html');
    expect(url).toBe('file:///saved%20page.html');
    expect(extraction.paragraphs).toEqual(STORY);
    expect(extraction.canonicalUrl).toBe('https://gazette.example/news/2026/11/26/harbor-street-bridge');
  });

  it('refuses a page with no article', async () => {
    await expect(fetchArticle(`${server.origin}/login`, { allow })).rejects.toMatchObject({
      code: 'bad-input',
      message: 'No article text was found on that page.',
    });
  });
});
