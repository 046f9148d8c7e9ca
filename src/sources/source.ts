/**
 * Where articles come from, whatever holds them: the shared data folder, a server's or a person's
 * library folder, or a database. Every store gives the same shape, so the loading loop, the id
 * clash rule and the error-to-reason mapping are written once (see README, "Libraries").
 */

/** Which library: the shared one (the data folder), one Discord server's, or one person's (DMs). */
export type LibraryId = 'shared' | `guild:${string}` | `user:${string}`;

/** One article as a store lists it: its id and a stamp that changes whenever its text does. */
export interface SourceEntry {
  /** The article id (a file name without its extension, or a row key). */
  id: string;
  /** Changes whenever the article's text changes (size and mtime for a file, a version for a row). */
  stamp: string;
}

/** One article's text in the format of an article file (front matter + body), and when it changed. */
export interface SourceArticle {
  id: string;
  /** Where it is, for messages and citations of files ("/data/libraries/guild-1/a.md", "postgres:…"). */
  location: string;
  text: string;
  /** Last change, in ms since the epoch (a file's mtime): the fallback for "most recent". */
  mtimeMs: number;
}

/** A store of articles that can be read and watched. */
export interface ArticleSource {
  readonly library: LibraryId;
  /** Every article it holds now. */
  list(): Promise<SourceEntry[]>;
  /** One article; rejects with an Error whose message says why it cannot be used. */
  read(id: string): Promise<SourceArticle>;
  /** Calls `onChange` (at most every few hundred ms) when articles may have changed; returns a stop function. */
  watch(onChange: () => void): () => void;
}

/**
 * `add` found a different article already stored under the id (another process chose the same id
 * a moment earlier): nothing was written; choose another id.
 */
export class IdTakenError extends Error {}

/** A store people can add to and remove from (server and personal libraries). */
export interface WritableArticleSource extends ArticleSource {
  /**
   * Stores a whole article, atomically: after a crash there is either no article or the whole one.
   * Rejects with an Error with a user-facing message on a full disk, a read-only folder or a lost
   * database, having written nothing. A store shared by several processes rejects with
   * {@link IdTakenError} rather than replace a different article stored under `id`.
   */
  add(id: string, text: string): Promise<void>;
  /** Removes an article; false when it was not there. */
  remove(id: string): Promise<boolean>;
}

/** A feed subscription of one library (kept beside its articles: `feeds.json`, or a table). */
export interface FeedSubscription {
  url: string;
  /** Where the bot posts "Indexed: <title>", if anywhere. */
  channel: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Item ids or URLs already added, newest first (bounded). */
  seen: string[];
  lastSuccess: string | null;
  lastError: string | null;
  /** Consecutive failures, for backoff. */
  failures: number;
  /** Not polled before this time (ISO), for backoff. */
  nextPoll: string | null;
}

/** Where a library's feed subscriptions live. */
export interface FeedStore {
  list(library: LibraryId): Promise<FeedSubscription[]>;
  /** Every library with at least one subscription. */
  libraries(): Promise<LibraryId[]>;
  put(library: LibraryId, subscription: FeedSubscription): Promise<void>;
  remove(library: LibraryId, url: string): Promise<boolean>;
}
