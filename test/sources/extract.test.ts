/** Extraction on pages written for the tests (in-thread; the worker has its own test). */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/sources/errors.js';
import { extractArticle, extractText } from '../../src/sources/extract.js';
import { isoDate, urlDate } from '../../src/sources/metadata.js';
import { flattenDeepMarkup, MAX_DEPTH, nestsDeeperThan } from '../../src/sources/nesting.js';
import { articleFileText } from '../../src/sources/page.js';
import { deepPage, LOGIN_PAGE, newsPage, STORY, TITLE } from '../support/newsPages.js';

const URL_ = 'https://gazette.example/news/2026/11/26/harbor-street-bridge?utm_source=x';

describe('extractArticle', () => {
  it('keeps the story and its metadata, and nothing of the page around it', () => {
    const x = extractArticle(newsPage(), URL_);
    expect(x.title).toBe(TITLE);
    expect(x.site).toBe('The Riverside Gazette');
    expect(x.authors).toEqual(['Jane Whitfield', 'Omar Haddad']);
    expect(x.published).toBe('2026-11-26');
    expect(x.canonicalUrl).toBe('https://gazette.example/news/2026/11/26/harbor-street-bridge');
    expect(x.paragraphs).toEqual(STORY);
    expect(x.captions).toEqual(['Rust on the underside of the Harbor Street bridge deck.']);
    const all = x.paragraphs.join('\n');
    for (const junk of [
      'Advertisement',
      'Sign up',
      'Related',
      'Share',
      'Tweet',
      'Ferry',
      'Privacy',
      'Home',
    ]) {
      expect(all).not.toContain(junk);
    }
  });

  it('falls back to meta tags, the byline, <time> and the URL', () => {
    const x = extractArticle(newsPage({ jsonLd: false }), URL_);
    expect(x.title).toBe(TITLE);
    expect(x.site).toBe('The Riverside Gazette');
    expect(x.authors).toEqual(['Jane Whitfield']);
    expect(x.published).toBe('2026-11-26');
    const bare = newsPage({ jsonLd: false })
      .replace(/<meta[^>]*>/g, '')
      .replace(/<link rel="canonical"[^>]*>/, '')
      .replace(/<time[^>]*>[^<]*<\/time>/, '');
    const y = extractArticle(bare, 'https://www.gazette.example/2026/11/25/bridge');
    expect(y.published).toBe('2026-11-25');
    expect(y.canonicalUrl).toBe('https://www.gazette.example/2026/11/25/bridge');
    expect(y.authors).toEqual(['Jane Whitfield', 'Omar Haddad']);
    expect(y.site).toBe('gazette.example');
  });

  it('takes a local file: no canonical address or site unless the page names them', () => {
    const named = extractArticle(newsPage(), 'file:///tmp/saved.html');
    expect(named.canonicalUrl).toBe('https://gazette.example/news/2026/11/26/harbor-street-bridge');
    expect(named.site).toBe('The Riverside Gazette');
    const bare = newsPage({ jsonLd: false }).replace(/<meta[^>]*>|<link rel="canonical"[^>]*>/g, '');
    const x = extractArticle(bare, 'file:///tmp/saved.html');
    expect(x).toMatchObject({ canonicalUrl: null, site: null, title: TITLE });
    expect(articleFileText(x)).not.toMatch(/^(?:url|source):/m);
  });

  it('refuses a page with no article (a sign-in page)', () => {
    expect(() => extractArticle(LOGIN_PAGE, 'https://gazette.example/login')).toThrow(SourceError);
    try {
      extractArticle(LOGIN_PAGE, 'https://gazette.example/login');
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-input', message: 'No article text was found on that page.' });
    }
    expect(() => extractArticle('<html><body><p>Too short.</p></body></html>', 'https://x.example/')).toThrow(
      /No article text/,
    );
  });

  it('flattens markup nested too deeply, quickly, keeping the paragraphs', () => {
    const started = performance.now();
    expect(extractArticle(deepPage(20_000), 'https://x.example/').paragraphs).toEqual(STORY);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(nestsDeeperThan(deepPage(20_000))).toBe(true);
    expect(nestsDeeperThan(deepPage(100))).toBe(false);
    expect(nestsDeeperThan(`${'<br><img>'.repeat(5000)}<p>${'<p>'.repeat(5000)}`)).toBe(false);
    const flat = flattenDeepMarkup(
      '<div><div><p title="a&quot;b">A &amp; b<script>x()</script></p><p>c<br>d</p></div></div>',
      2,
    );
    expect(flat).toBe('<div><div><p title="a&quot;b">A &amp; b</p><p>c<br>d</p></div></div>');
    expect(flattenDeepMarkup('<div><div><div><span>deep</span></div>after</div></div>', 1)).toBe(
      '<div>deep<br><br>after<br><br></div>',
    );
    // At most one level (a kept paragraph, link or caption) past the limit.
    expect(nestsDeeperThan(flattenDeepMarkup(deepPage(20_000)), MAX_DEPTH + 1)).toBe(false);
  });
});

describe('extractText', () => {
  it('reads a plain-text article: a title line, then paragraphs', () => {
    const x = extractText(`${TITLE}\n\n${STORY.join('\n\n')}\n`, 'https://gazette.example/bridge.txt');
    expect(x.title).toBe(TITLE);
    expect(x.paragraphs).toEqual(STORY);
    expect(() => extractText('Just a line.', 'https://x.example/a.txt')).toThrow(/No article text/);
  });
});

describe('dates', () => {
  it('reads ISO dates, other dates, and dates in URLs', () => {
    expect(isoDate('2026-11-26T09:30:00-05:00')).toBe('2026-11-26');
    expect(isoDate('20261126')).toBe('2026-11-26');
    expect(isoDate('Thu, 26 Nov 2026 09:30:00 GMT')).toBe('2026-11-26');
    expect(isoDate('2026-02-30')).toBeNull();
    expect(isoDate('soon')).toBeNull();
    expect(urlDate('https://x.example/2026/11/26/story')).toBe('2026-11-26');
    expect(urlDate('https://x.example/news/2026-1-5-story')).toBe('2026-01-05');
    expect(urlDate('https://x.example/story-123456')).toBeNull();
  });
});
