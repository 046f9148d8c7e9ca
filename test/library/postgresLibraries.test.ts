/**
 * Libraries and feeds on PostgreSQL (CITEBOT_DATABASE_URL), two library sets standing for two
 * processes on one real database: what one adds or removes the other answers within 5 s, nothing is
 * written to the libraries folder, a library nobody added to costs nothing, and of two pollers
 * only one fetches a due feed.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../src/library/feeds.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { fetchAllowList, Libraries } from '../../src/library/libraries.js';
import { assembleLibrary } from '../../src/library/library.js';
import { type LibraryStorage, postgresStorage } from '../../src/library/storage.js';
import { createLogger } from '../../src/log.js';
import { WriteError } from '../../src/sources/folder.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';
import { type PostgresUnderTest, startPostgres } from '../support/postgres.js';

const article = (title: string, claim: string) =>
  `---\ntitle: ${title}\n---\n"${claim}," the harbour master told reporters on Friday.\n\n${'The ferry service will resume next week after the storm damage is repaired, officials said. '.repeat(8)}\n`;

const file = (name: string, text: string) => ({ file: { name, bytes: new TextEncoder().encode(text) } });

describe('libraries in PostgreSQL', () => {
  let db: PostgresUnderTest;
  let pages: PageServer;
  const storages: LibraryStorage[] = [];
  const sets: Libraries[] = [];
  const root = mkdtempSync(path.join(tmpdir(), 'citebot-pg-libraries-'));
  const logger = createLogger('silent');
  const allow = fetchAllowList('127.0.0.1');

  async function processLike(): Promise<{ libraries: Libraries; storage: LibraryStorage }> {
    const storage = await postgresStorage(db.url, logger);
    const shared = new LibraryHolder();
    shared.set(assembleLibrary(root, [], []));
    const libraries = new Libraries({ shared, root, sharedDir: root, allow, logger, storage });
    storages.push(storage);
    sets.push(libraries);
    return { libraries, storage };
  }

  beforeAll(async () => {
    db = await startPostgres();
    const items = ['tide', 'pier'];
    pages = await startPageServer({
      '/feed.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${pages.origin}/</link>${items
              .map(
                (i) => `<item><title>${i}</title><link>${pages.origin}/${i}</link><guid>${i}</guid></item>`,
              )
              .join('')}</channel></rss>`,
          ),
      '/tide': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(
            `Tide tables\n\n${'The tide tables were printed again, the harbour office said on Monday. '.repeat(10)}\n`,
          ),
      '/pier': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(
            `Pier repairs\n\n${'The pier repairs will cost more than planned, the council said on Tuesday. '.repeat(10)}\n`,
          ),
    });
  }, 60_000);
  afterAll(async () => {
    for (const l of sets) l.stop();
    for (const s of storages) await s.close().catch(() => {});
    await pages?.close();
    await db?.stop();
  });

  it('an article added through one is answered by the other within 5 s, and its removal too', async () => {
    const a = await processLike();
    const b = await processLike();
    // Nobody added to it yet: the view is the shared library, with nothing to load.
    expect(b.libraries.current('guild:41')?.articles).toHaveLength(0);
    const added = await a.libraries.add(
      'guild:41',
      file('ferry.md', article('Ferry', 'We will sail again soon')),
    );
    expect(added.added).toBe(true);
    const started = Date.now();
    await expect
      .poll(async () => (await b.libraries.get('guild:41')).articleById.has(added.article), {
        timeout: 5000,
        interval: 100,
      })
      .toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    // Never in another library, and nothing written under CITEBOT_LIBRARIES.
    expect((await b.libraries.get('guild:42')).articleById.has(added.article)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    // The same article again is no second copy, whichever process is asked.
    expect(
      (await b.libraries.add('guild:41', file('ferry.md', article('Ferry', 'We will sail again soon'))))
        .added,
    ).toBe(false);
    expect(await a.libraries.remove('guild:41', added.article)).not.toBeNull();
    await expect
      .poll(async () => (await b.libraries.get('guild:41')).articleById.has(added.article), { timeout: 5000 })
      .toBe(false);
  });

  it('two processes adding different articles that want the same id at once keep both', async () => {
    const a = await processLike();
    const b = await processLike();
    const [first, second] = await Promise.all([
      a.libraries.add('guild:44', file('gale.md', article('Gale warning', 'The gale will pass by Sunday'))),
      b.libraries.add(
        'guild:44',
        file('gale.md', article('Gale warning', 'Boats must stay in port until Monday')),
      ),
    ]);
    expect(first.added && second.added).toBe(true);
    expect(first.article).not.toBe(second.article);
    await expect
      .poll(async () => (await a.libraries.get('guild:44')).articles.map((x) => x.id).sort(), {
        timeout: 5000,
      })
      .toEqual([first.article, second.article].sort());
    const texts = (await a.libraries.get('guild:44')).articles.map((x) => x.text).join('\n');
    expect(texts).toContain('The gale will pass by Sunday');
    expect(texts).toContain('Boats must stay in port until Monday');
  });

  it('a process started later reads what is stored; writes refused while the database is down', async () => {
    const a = await processLike();
    const kept = await a.libraries.add(
      'user:77',
      file('bridge.md', article('Bridge', 'The bridge stays shut')),
    );
    const late = await processLike();
    expect((await late.libraries.get('user:77')).articleById.has(kept.article)).toBe(true);
    await db.pause();
    try {
      await expect(
        late.libraries.add('user:77', file('quay.md', article('Quay', 'The quay is open again'))),
      ).rejects.toBeInstanceOf(WriteError);
      // Answers continue from memory.
      expect((await late.libraries.get('user:77')).articleById.has(kept.article)).toBe(true);
    } finally {
      await db.resume();
    }
  }, 30_000);

  it('of two processes polling at once, one fetches a due feed', async () => {
    const a = await processLike();
    const b = await processLike();
    const poller = (p: { libraries: Libraries; storage: LibraryStorage }) =>
      new FeedPoller({
        libraries: p.libraries,
        store: p.storage.feeds,
        ...(p.storage.claimFeed ? { claim: p.storage.claimFeed } : {}),
        minutes: 1,
        allow,
        logger,
      });
    const first = poller(a);
    const second = poller(b);
    const url = `${pages.origin}/feed.xml`;
    expect((await first.subscribe('guild:43', url, null)).added).toBe(2);
    // Due now, as if the last poll were long ago.
    const [sub] = await a.storage.feeds.list('guild:43');
    await a.storage.feeds.put('guild:43', { ...sub!, lastSuccess: '2020-01-01T00:00:00.000Z' });
    const before = pages.requests.filter((r) => r.url === '/feed.xml').length;
    await Promise.all([first.pollAll(), second.pollAll()]);
    expect(pages.requests.filter((r) => r.url === '/feed.xml').length - before).toBe(1);
    expect((await b.libraries.get('guild:43')).articles).toHaveLength(2);
    expect(await second.list('guild:43')).toHaveLength(1);
  }, 30_000);
});
