/**
 * Server and personal libraries and feed subscriptions in PostgreSQL (`CITEBOT_DATABASE_URL`):
 * an article is one row written in one transaction; every change is announced with NOTIFY so
 * every process's `watch` fires; a feed is claimed by one process at a time with an advisory
 * lock. When the database goes away, reads are served from what was last read, writes are
 * refused with a clear error, and the listener reconnects with backoff.
 */
import pg from 'pg';
import { WriteError } from './folder.js';
import {
  type FeedStore,
  type FeedSubscription,
  IdTakenError,
  type LibraryId,
  type SourceArticle,
  type SourceEntry,
  type WritableArticleSource,
} from './source.js';

const CHANNEL = 'citebot_articles';
const UNREACHABLE =
  'The article store (PostgreSQL) cannot be reached right now; nothing was written. Try again shortly.';

/** Versioned migrations: applied in order, each once, recorded in `schema_migrations`. */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        library text NOT NULL,
        id text NOT NULL,
        text text NOT NULL,
        version bigint NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (library, id)
      );
      CREATE TABLE feeds (
        library text NOT NULL,
        url text NOT NULL,
        subscription jsonb NOT NULL,
        PRIMARY KEY (library, url)
      );`,
  },
];

/**
 * The store's own error: a user-facing message for a lost database. A WriteError, so every
 * surface that explains a failed write (a full disk, a read-only folder) explains this one too.
 */
export class StoreUnavailableError extends WriteError {}

export interface PostgresStoreOptions {
  /** Longest wait between reconnection attempts of the listener. */
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
}

export class PostgresStore implements FeedStore {
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private readonly watchers = new Map<string, Set<() => void>>();
  /** Hear of a change to any library; `null`: the listener was away, anything may have changed. */
  private readonly anyWatchers = new Set<(library: string | null) => void>();
  private closed = false;
  private backoffMs = 250;

  private constructor(
    private readonly url: string,
    private readonly options: PostgresStoreOptions,
  ) {
    // Short enough that a refused write is answered within Discord's 3 s.
    this.pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2000 });
    this.pool.on('error', (error) => options.onError?.(error));
  }

  /** Connects, creates or migrates the schema, and starts listening for changes. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, options);
    await store.migrate();
    await store.listen();
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One process migrates at a time.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('citebot:migrate'))");
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 3000 });
    const retry = () => {
      if (this.listener === client) this.listener = null;
      client.removeAllListeners();
      client.end().catch(() => {});
      if (this.closed) return;
      const wait = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 5000);
      setTimeout(() => void this.listen(), wait).unref();
    };
    client.on('error', (error) => {
      this.options.onError?.(error);
      retry();
    });
    client.on('end', retry);
    client.on('notification', (n) => {
      if (n.payload) this.fire(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.options.onError?.(error);
      retry();
      return;
    }
    const reconnected = this.listener === null && this.backoffMs > 250;
    this.listener = client;
    this.backoffMs = 250;
    // Changes may have been missed while away: every watcher looks again.
    if (reconnected) {
      for (const library of this.watchers.keys()) this.fire(library);
      for (const callback of this.anyWatchers) callback(null);
    }
  }

  private fire(library: string): void {
    for (const callback of this.anyWatchers) callback(library);
    for (const callback of this.watchers.get(library) ?? []) callback();
  }

  /** Calls `callback` on every change to any library; returns a stop function. */
  watchAll(callback: (library: string | null) => void): () => void {
    this.anyWatchers.add(callback);
    return () => this.anyWatchers.delete(callback);
  }

  /** Every library that holds at least one article. */
  async librariesWithArticles(): Promise<LibraryId[]> {
    const r = await this.query<{ library: LibraryId }>('SELECT DISTINCT library FROM articles');
    return r.rows.map((row) => row.library);
  }

  /** A library's articles. */
  source(library: LibraryId): WritableArticleSource {
    return new PostgresArticleSource(this, library);
  }

  /** @internal */
  async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, values);
  }

  /** @internal Runs `work` in one transaction; rejects with StoreUnavailableError when the database is gone. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch {
      throw new StoreUnavailableError(UNREACHABLE);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (error instanceof StoreUnavailableError) throw error;
      if (isConnectionError(error)) throw new StoreUnavailableError(UNREACHABLE, { cause: error });
      // A character PostgreSQL text cannot hold (NUL): the article is refused, not the process.
      if ((error as { code?: string }).code === '22021' || (error as { code?: string }).code === '22P05')
        throw new WriteError('The article could not be saved: it holds a character the store cannot keep.', {
          cause: error,
        });
      throw error;
    } finally {
      client.release();
    }
  }

  /** @internal */
  subscribe(library: string, callback: () => void): () => void {
    const set = this.watchers.get(library) ?? new Set();
    set.add(callback);
    this.watchers.set(library, set);
    return () => set.delete(callback);
  }

  /**
   * Claims a feed for polling: resolves with a release function when this process got it, or null
   * when another process holds it. The claim holds a connection until released (or the process dies).
   */
  async claimFeed(library: LibraryId, url: string): Promise<(() => Promise<void>) | null> {
    const client = await this.pool.connect();
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        `feed:${library}:${url}`,
      ]);
      if (!got.rows[0]?.ok) {
        client.release();
        return null;
      }
    } catch (error) {
      client.release(true);
      throw error;
    }
    return async () => {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`feed:${library}:${url}`]);
        client.release();
      } catch {
        client.release(true);
      }
    };
  }

  async list(library: LibraryId): Promise<FeedSubscription[]> {
    const r = await this.query<{ subscription: FeedSubscription }>(
      'SELECT subscription FROM feeds WHERE library = $1 ORDER BY url',
      [library],
    );
    return r.rows.map((row) => row.subscription);
  }

  async libraries(): Promise<LibraryId[]> {
    const r = await this.query<{ library: LibraryId }>('SELECT DISTINCT library FROM feeds ORDER BY library');
    return r.rows.map((row) => row.library);
  }

  async put(library: LibraryId, subscription: FeedSubscription): Promise<void> {
    await this.transaction((c) =>
      c.query(
        'INSERT INTO feeds (library, url, subscription) VALUES ($1, $2, $3) ON CONFLICT (library, url) DO UPDATE SET subscription = EXCLUDED.subscription',
        [library, subscription.url, JSON.stringify(subscription)],
      ),
    );
  }

  async remove(library: LibraryId, url: string): Promise<boolean> {
    return this.transaction(async (c) => {
      const r = await c.query('DELETE FROM feeds WHERE library = $1 AND url = $2', [library, url]);
      return (r.rowCount ?? 0) > 0;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    listener?.removeAllListeners();
    await listener?.end().catch(() => {});
    await this.pool.end();
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = String((error as Error)?.message ?? '');
  return (
    /^(08|57P0)/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable/i.test(
      message,
    )
  );
}

class PostgresArticleSource implements WritableArticleSource {
  /** What was last read, served while the database is away. */
  private readonly cache = new Map<string, SourceArticle & { stamp: string }>();

  constructor(
    private readonly store: PostgresStore,
    readonly library: LibraryId,
  ) {}

  async list(): Promise<SourceEntry[]> {
    try {
      const r = await this.store.query<{ id: string; version: string }>(
        'SELECT id, version FROM articles WHERE library = $1 ORDER BY id',
        [this.library],
      );
      return r.rows.map((row) => ({ id: row.id, stamp: `v${row.version}` }));
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      return [...this.cache.values()].map((a) => ({ id: a.id, stamp: a.stamp }));
    }
  }

  async read(id: string): Promise<SourceArticle> {
    try {
      const r = await this.store.query<{ text: string; version: string; updated_at: Date }>(
        'SELECT text, version, updated_at FROM articles WHERE library = $1 AND id = $2',
        [this.library, id],
      );
      const row = r.rows[0];
      if (!row) throw new Error('no such article');
      const article = {
        id,
        location: `postgres:${this.library}/${id}`,
        text: row.text,
        mtimeMs: row.updated_at.getTime(),
        stamp: `v${row.version}`,
      };
      this.cache.set(id, article);
      return article;
    } catch (error) {
      const cached = this.cache.get(id);
      if (cached && isConnectionError(error)) return cached;
      throw error;
    }
  }

  watch(onChange: () => void): () => void {
    let timer: NodeJS.Timeout | undefined;
    const debounced = () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 200);
    };
    const stop = this.store.subscribe(this.library, debounced);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }

  async add(id: string, text: string): Promise<void> {
    await this.store.transaction(async (c) => {
      // Another process may have stored a different article under this id a moment ago: never
      // replace it (the caller picks another id); the same text again is the same article.
      const r = await c.query(
        `INSERT INTO articles (library, id, text) VALUES ($1, $2, $3)
         ON CONFLICT (library, id) DO UPDATE SET version = articles.version + 1, updated_at = now()
         WHERE articles.text = EXCLUDED.text`,
        [this.library, id, text],
      );
      if ((r.rowCount ?? 0) === 0) throw new IdTakenError(`another article is stored as ${id}`);
      // Delivered on commit only: a rolled-back add announces nothing.
      await c.query('SELECT pg_notify($1, $2)', [CHANNEL, this.library]);
    });
  }

  async remove(id: string): Promise<boolean> {
    return this.store.transaction(async (c) => {
      const r = await c.query('DELETE FROM articles WHERE library = $1 AND id = $2', [this.library, id]);
      if ((r.rowCount ?? 0) > 0) await c.query('SELECT pg_notify($1, $2)', [CHANNEL, this.library]);
      this.cache.delete(id);
      return (r.rowCount ?? 0) > 0;
    });
  }
}
