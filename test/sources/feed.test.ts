/** Feed parsing (RSS 2.0, RSS 1.0, Atom, JSON Feed) and conditional polling against a local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../../src/sources/address.js';
import { fetchFeed, newItems, parseFeed } from '../../src/sources/feed.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Riverside Gazette</title><link>https://gazette.example/</link>
<item><title>Older &amp; wiser</title><link>https://gazette.example/older</link><guid isPermaLink="false">g-1</guid>
  <pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Newest</title><link>/newest</link><pubDate>Thu, 26 Nov 2026 09:30:00 +0100</pubDate></item>
<item><title>Undated</title><guid>https://gazette.example/undated</guid></item>
<item><title>Middle</title><link>https://gazette.example/middle</link><dc:date>2026-11-25T12:00:00Z</dc:date></item>
<item><title>No link</title></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Gazette Atom</title><id>urn:g</id>
<entry><title type="html">Bridge &lt;em&gt;closes&lt;/em&gt;</title><id>urn:g:1</id>
  <link rel="alternate" href="https://gazette.example/bridge"/><link rel="edit" href="https://gazette.example/edit/1"/>
  <updated>2026-11-26T10:00:00Z</updated><published>2026-11-26T09:00:00Z</published></entry>
<entry><title>Earlier</title><id>urn:g:0</id><link href="https://gazette.example/earlier"/>
  <updated>2026-11-20T10:00:00Z</updated></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Gazette JSON',
  items: [
    { id: 'a', url: 'https://gazette.example/a', title: 'A', date_published: '2026-11-20T10:00:00Z' },
    { id: 'b', url: 'https://gazette.example/b', title: 'B', date_published: '2026-11-22T10:00:00Z' },
  ],
});

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://gazette.example/rdf"><title>Gazette RDF</title><link>https://gazette.example/</link><description>d</description></channel>
<item rdf:about="https://gazette.example/r1"><title>R1</title><link>https://gazette.example/r1</link><dc:date>2026-11-21T00:00:00Z</dc:date></item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items newest first, resolving links and skipping unusable ones', () => {
    const feed = parseFeed(RSS, 'https://gazette.example/feed.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Riverside Gazette');
    expect(feed.items).toEqual([
      {
        url: 'https://gazette.example/newest',
        title: 'Newest',
        published: '2026-11-26T08:30:00.000Z',
        id: 'https://gazette.example/newest',
      },
      {
        url: 'https://gazette.example/middle',
        title: 'Middle',
        published: '2026-11-25T12:00:00.000Z',
        id: 'https://gazette.example/middle',
      },
      {
        url: 'https://gazette.example/older',
        title: 'Older & wiser',
        published: '2026-11-24T08:00:00.000Z',
        id: 'g-1',
      },
      {
        url: 'https://gazette.example/undated',
        title: 'Undated',
        published: null,
        id: 'https://gazette.example/undated',
      },
    ]);
  });

  it('reads Atom, JSON Feed and RSS 1.0', () => {
    const atom = parseFeed(ATOM, 'https://gazette.example/atom');
    expect(atom.items.map((i) => [i.url, i.title, i.published, i.id])).toEqual([
      ['https://gazette.example/bridge', 'Bridge closes', '2026-11-26T09:00:00.000Z', 'urn:g:1'],
      ['https://gazette.example/earlier', 'Earlier', '2026-11-20T10:00:00.000Z', 'urn:g:0'],
    ]);
    expect(parseFeed(JSON_FEED, 'https://gazette.example/feed.json').items.map((i) => i.id)).toEqual([
      'b',
      'a',
    ]);
    const rdf = parseFeed(RDF, 'https://gazette.example/rdf');
    expect(rdf.format).toBe('rdf');
    expect(rdf.items[0]).toMatchObject({
      url: 'https://gazette.example/r1',
      published: '2026-11-21T00:00:00.000Z',
    });
  });

  it('does not expand entity bombs or read external entities', () => {
    let entities = '<!ENTITY a0 "lol">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const item = '<item><title>x</title><link>https://gazette.example/x</link></item>';
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [${entities}]><rss version="2.0"><channel><title>&a9;</title>${item}</channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(bomb, 'https://gazette.example/');
    expect((feed.title ?? '').length).toBeLessThan(100);
    expect(performance.now() - started).toBeLessThan(1000);
    const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><rss version="2.0"><channel><title>&x;</title>${item}</channel></rss>`;
    expect(() => parseFeed(external, 'https://gazette.example/')).toThrow(/not an RSS/);
  });

  it('picks the items not seen yet, newest first, at most a limit', () => {
    const feed = parseFeed(RSS, 'https://gazette.example/feed.xml');
    expect(newItems(feed, new Set()).map((i) => i.title)).toEqual([
      'Newest',
      'Middle',
      'Older & wiser',
      'Undated',
    ]);
    expect(newItems(feed, new Set(['g-1', 'https://gazette.example/newest'])).map((i) => i.title)).toEqual([
      'Middle',
      'Undated',
    ]);
    expect(newItems(feed, new Set(), 2)).toHaveLength(2);
  });

  it('refuses text that is no feed', () => {
    for (const text of ['<html><body>hi</body></html>', '{"a":1}', 'plain']) {
      expect(() => parseFeed(text, 'https://x.example/')).toThrow(/not an RSS, Atom or JSON feed/);
    }
  });
});

describe('fetchFeed', () => {
  let server: PageServer;
  const allow = parseAllowList('127.0.0.1');
  beforeAll(async () => {
    server = await startPageServer({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"r1"') return res.writeHead(304, { etag: '"r1"' }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"r1"' }).end(RSS);
      },
      '/feed.json': (_req, res) =>
        res
          .writeHead(200, {
            'content-type': 'application/feed+json',
            'last-modified': 'Thu, 26 Nov 2026 10:00:00 GMT',
          })
          .end(JSON_FEED),
      '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no feed</p>'),
    });
  });
  afterAll(() => server.close());

  it('polls with validators: items first, then not modified', async () => {
    const first = await fetchFeed(`${server.origin}/feed.xml`, { allow });
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toBe('"r1"');
    expect(first.feed.items[0]?.url).toBe('https://gazette.example/newest');
    const second = await fetchFeed(`${server.origin}/feed.xml`, { allow, etag: first.etag });
    expect(second).toEqual({
      status: 'not-modified',
      url: `${server.origin}/feed.xml`,
      etag: '"r1"',
      lastModified: null,
    });
    const json = await fetchFeed(`${server.origin}/feed.json`, { allow });
    expect(json).toMatchObject({ status: 'ok', lastModified: 'Thu, 26 Nov 2026 10:00:00 GMT' });
  });

  it('refuses a page that is not a feed', async () => {
    await expect(fetchFeed(`${server.origin}/page`, { allow })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
