/**
 * Where server and personal libraries and feed subscriptions are kept (CONTRACT §6, §7): folders
 * under CITEBOT_LIBRARIES (the default), or PostgreSQL when CITEBOT_DATABASE_URL is set, shared by
 * every process. {@link Libraries} and the feed poller ask this for a library's writable source
 * and its feeds and do not otherwise know which store they serve. The shared library always
 * comes from CITEBOT_DATA.
 */
import { existsSync } from 'node:fs';
import type { Logger } from '../log.js';
import { FileFeedStore, FolderSource, libraryFolder } from '../sources/folder.js';
import { PostgresStore } from '../sources/postgres.js';
import type { FeedStore, LibraryId, WritableArticleSource } from '../sources/source.js';
import type { LibraryHolder } from './holder.js';
import type { Reloader } from './reload.js';
import { openSourceLibrary } from './sourceLibrary.js';

/** A server's or a person's library. */
export type OwnLibraryId = Exclude<LibraryId, 'shared'>;

/** Releases a feed claimed for polling. */
export type FeedRelease = () => Promise<void>;

export interface LibraryStorage {
  readonly kind: 'folders' | 'postgres';
  readonly feeds: FeedStore;
  /** Where library `id`'s own articles are written. */
  source(id: OwnLibraryId): WritableArticleSource;
  /**
   * False when library `id` surely holds nothing (no folder, no row): its view is then the shared
   * library, answered at once without loading anything.
   */
  mayHold(id: OwnLibraryId): boolean;
  /**
   * Reads library `id` into `holder` and, with `watch`, keeps it up to date. Absent for folders,
   * which {@link Libraries} reads itself (snapshots, temporary files, folder watching).
   */
  open?(
    id: OwnLibraryId,
    holder: LibraryHolder,
    options: { watch: boolean; logger: Logger },
  ): Promise<Reloader>;
  /**
   * Claims a feed for polling by this process: a release function, or null when another process
   * is polling it. Absent where there is only one process (folders).
   */
  claimFeed?(library: LibraryId, url: string): Promise<FeedRelease | null>;
  close(): Promise<void>;
}

/**
 * How long a library folder found missing is believed missing. Most servers never add an article,
 * and each of their interactions asked the file system again (a 500-interaction burst spent some
 * 20 ms there); one made by hand or by another process is seen within this time.
 */
const ABSENT_FOR_MS = 2000;

/** Absent entries kept at most (oldest dropped first), so that the map cannot grow without bound. */
const ABSENT_KEPT = 10_000;

/** Library folders under `root` (CITEBOT_LIBRARIES) and `feeds.json` beside their articles. */
export function folderStorage(root: string, sharedDir: string): LibraryStorage {
  const absentSince = new Map<OwnLibraryId, number>();
  return {
    kind: 'folders',
    feeds: new FileFeedStore(root, sharedDir),
    source: (id) => {
      // Its articles are about to be read or written here: ask the file system next time.
      absentSince.delete(id);
      return new FolderSource(id, libraryFolder(root, id));
    },
    mayHold: (id) => {
      const now = Date.now();
      const since = absentSince.get(id);
      if (since !== undefined && now - since < ABSENT_FOR_MS) return false;
      absentSince.delete(id);
      if (existsSync(libraryFolder(root, id))) return true;
      absentSince.set(id, now);
      if (absentSince.size > ABSENT_KEPT) absentSince.delete(absentSince.keys().next().value as OwnLibraryId);
      return false;
    },
    close: async () => {},
  };
}

/**
 * Libraries and feeds in PostgreSQL: connects, creates or migrates the schema, and listens for
 * changes made by any process. Rejects when the database cannot be reached at start.
 */
export async function postgresStorage(url: string, logger: Logger): Promise<LibraryStorage> {
  const store = await PostgresStore.open(url, {
    onError: (error) => logger.warn({ err: error }, 'PostgreSQL connection problem'),
  });
  // Which libraries hold articles, kept current from every process's announcements, so that a
  // library nobody added to costs nothing and one another process just added to is read.
  const holding = new Set<string>(await store.librariesWithArticles());
  store.watchAll((library) => {
    if (library) holding.add(library);
    else
      void store.librariesWithArticles().then(
        (all) => {
          for (const l of all) holding.add(l);
        },
        () => {},
      );
  });
  return {
    kind: 'postgres',
    feeds: store,
    source: (id) => store.source(id),
    mayHold: (id) => holding.has(id),
    open: (id, holder, options) => openSourceLibrary(store.source(id), { holder, ...options }),
    claimFeed: (library, url) => store.claimFeed(library, url),
    close: () => store.close(),
  };
}

/** The storage the configuration asks for: PostgreSQL with a database URL, else folders. */
export function openStorage(options: {
  databaseUrl: string | undefined;
  root: string;
  sharedDir: string;
  logger: Logger;
}): Promise<LibraryStorage> {
  return options.databaseUrl
    ? postgresStorage(options.databaseUrl, options.logger)
    : Promise.resolve(folderStorage(options.root, options.sharedDir));
}
