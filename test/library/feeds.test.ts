/**
 * Feed polling: the first items announced in one line, conditional requests, new items added and
 * announced, backoff, and a slow feed never holding up another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../src/library/feeds.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { fetchAllowList, Libraries } from '../../src/library/libraries.js';
import { assembleLibrary } from '../../src/library/library.js';
import { createLogger } from '../../src/log.js';
import { FileFeedStore } from '../../src/sources/folder.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';

const text = (title: string) =>
  `${title}\n\n${`The council said on Monday that the ${title.toLowerCase()} plan would go ahead next spring. `.repeat(10)}\n`;

describe('feed poller', () => {
  let pages: PageServer;
  let items = ['one'];
  let broken = false;
  const rss = () =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${pages.origin}/</link>${items
      .map((i) => `<item><title>${i}</title><link>${pages.origin}/${i}</link><guid>${i}</guid></item>`)
      .join('')}</channel></rss>`;
  beforeAll(async () => {
    pages = await startPageServer({
      '/feed.xml': (req, res) => {
        if (broken) return void res.writeHead(500).end('down');
        const etag = `"${items.length}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss());
      },
      '/slow.xml': () => {
        // Never answers: the per-feed limit ends it.
      },
      '/one': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text('Harbour')),
      '/two': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text('Library')),
    });
  });
  afterAll(async () => {
    await pages?.close();
  });

  it('adds new items, sends validators, backs off on failure, and is not held up by a slow feed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-poll-'));
    const shared = new LibraryHolder();
    shared.set(assembleLibrary(root, [], []));
    const logger = createLogger('silent');
    const allow = fetchAllowList('127.0.0.1');
    const libraries = new Libraries({ shared, root, sharedDir: root, allow, logger, watch: false });
    const posted: string[] = [];
    const store = new FileFeedStore(root, root);
    const feeds = new FeedPoller({
      libraries,
      store,
      minutes: 1,
      allow,
      logger,
      pollLimitMs: 1500,
      fetchTimeoutMs: 1000,
      post: async (channel, message) => {
        posted.push(`${channel} ${message}`);
      },
    });
    expect((await feeds.subscribe('guild:1', `${pages.origin}/feed.xml`, '555')).added).toBe(1);
    await store.put('guild:1', { ...(await store.list('guild:1'))[0]!, url: `${pages.origin}/slow.xml` });
    items = ['two', 'one'];
    const started = Date.now();
    await feeds.pollAll();
    expect(Date.now() - started).toBeLessThan(4000);
    const view = await libraries.get('guild:1');
    expect(view.articles.map((a) => a.meta.title).sort()).toEqual(['Harbour', 'Library']);
    // The first item as one summary line, then each later item.
    expect(posted).toEqual(['555 Indexed 1 item from T', '555 Indexed: Library']);
    const subs = await store.list('guild:1');
    const main = subs.find((s) => s.url.endsWith('/feed.xml'));
    const slow = subs.find((s) => s.url.endsWith('/slow.xml'));
    expect(main?.lastError).toBeNull();
    expect(slow?.failures).toBe(1);
    expect(Date.parse(slow?.nextPoll ?? '')).toBeGreaterThan(Date.now());

    // Unchanged: a 304, nothing added.
    await feeds.pollAll();
    expect(pages.requests.filter((r) => r.url === '/feed.xml').at(-1)?.headers['if-none-match']).toBe('"2"');
    expect((await libraries.get('guild:1')).articles).toHaveLength(2);

    broken = true;
    await feeds.pollAll();
    const failing = (await store.list('guild:1')).find((s) => s.url.endsWith('/feed.xml'));
    expect(failing?.failures).toBe(1);
    expect(failing?.lastError).toMatch(/500|HTTP/);
    libraries.stop();
  }, 20_000);
});
