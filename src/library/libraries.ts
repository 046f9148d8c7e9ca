/**
 * The set of libraries (CONTRACT §6): the shared one (the data folder) and the server and personal
 * libraries under CITEBOT_LIBRARIES, loaded lazily (from their snapshot when one matches), kept
 * live, and unloaded least recently used under a memory budget. A request asks for the view of one
 * library: the shared articles plus that library's own, searched where they are (see
 * {@link libraryView}); the shared library is never copied. Only this module turns "where a request
 * is asked" into which articles it sees.
 */
import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import { type AllowList, parseAllowList } from '../sources/address.js';
import { SourceError } from '../sources/errors.js';
import { cleanTempFiles, FolderSource, libraryFolder } from '../sources/folder.js';
import type { PageArticle } from '../sources/page.js';
import { IdTakenError, type LibraryId, type WritableArticleSource } from '../sources/source.js';
import { findSame, freeId, textArticle } from './adding.js';
import { LibraryHolder } from './holder.js';
import { assembleLibrary, type Library, type LibraryKind } from './library.js';
import { openLibrary } from './open.js';
import { type Reloader, watchLibrary } from './reload.js';
import { folderStorage, type LibraryStorage } from './storage.js';
import { libraryView } from './view.js';

export type { LibraryId } from '../sources/source.js';

/**
 * CITEBOT_FETCH_ALLOW parsed; throws an Error whose message names the variable and the bad entry
 * (entry points print it and stop).
 */
export function fetchAllowList(value: string | undefined): AllowList {
  try {
    return parseAllowList(value ?? '');
  } catch (error) {
    throw new Error(`CITEBOT_FETCH_ALLOW: ${(error as Error).message}`);
  }
}

/** Where a request is asked: a server, or (without one) a person's DMs. */
export interface Where {
  guild?: string | null;
  user: string;
}

/** The library a request is asked in: the server's, else the person's own. */
export function libraryOf(where: Where): LibraryId {
  return where.guild ? `guild:${where.guild}` : `user:${where.user}`;
}

/** Reads `shared`, `guild:<id>` or `user:<id>`; null for anything else. */
export function parseLibraryId(value: string): LibraryId | null {
  const v = value.trim();
  if (v === 'shared') return 'shared';
  return /^(?:guild|user):\d{1,25}$/.test(v) ? (v as LibraryId) : null;
}

export function kindOf(id: LibraryId): LibraryKind {
  return id === 'shared' ? 'shared' : id.startsWith('guild:') ? 'server' : 'personal';
}

/** What to add: a web address, or an uploaded or local file's bytes. */
export type AddInput = { url: string } | { file: { name: string; bytes: Uint8Array } };

export interface AddOutcome {
  /** False when the article was already there (same URL, canonical URL or body text). */
  added: boolean;
  article: string;
  /** The view of the library it is in, with the article indexed. */
  library: Library;
}

/** Extensions `/add file:` and `cli add <file>` take. */
export const FILE_TYPES = ['.html', '.htm', '.md', '.txt'] as const;

interface Own {
  holder: LibraryHolder;
  source: WritableArticleSource;
  reloader: Reloader | null;
  loading: Promise<void>;
  /** Serialises adds and removes. */
  writing: Promise<unknown>;
  /** Adds, removes and loads under way: a busy library is never evicted. */
  busy: number;
  /** The estimated memory of its articles and index, once loaded. */
  bytes: number;
}

/** A view and the two libraries it was made of (remade when either changes). */
interface CachedView {
  shared: Library;
  own: Library;
  view: Library;
}

/**
 * Views kept made. A view is cheap to make (its own part is copied, the shared part is not), but
 * one that has answered holds flat lists over the shared library's sentences and statements, so
 * only the most recently used few are kept.
 */
const VIEWS_KEPT = 16;
/** A hard cap on libraries loaded at once, whatever the budget (each holds a folder watcher). */
const MAX_LOADED = 5000;
/**
 * Estimated bytes of memory per character of article text once a library is loaded (text, sentences,
 * statements, speakers, index). Measured by `npm run bench -- --only libraries`: 1,000 libraries of
 * 20 news articles each, heap after GC over their text (see README, Scale).
 */
export const BYTES_PER_TEXT_CHAR = 40;
/** What a loaded library costs besides its text (maps, index structure, watcher). */
const BYTES_PER_LIBRARY = 64 * 1024;
/**
 * The same for the shared library, which is large: its index's per-term structure is spread over
 * many articles and it loads from a snapshot whose texts are one copy, so a character costs far less
 * than in a 20-article library. Measured by `npm run bench`: serving RSS after GC over text, 10,000
 * real articles 513 MB / 47.2 MB of text, 10,000 synthetic 1,087 MB / 89.7 MB, both about 11–12.
 * With 40 here, a 10,000-article shared library alone was estimated at 1.9 GB, so under a 1 GB
 * budget every server library was unloaded as soon as it had answered.
 */
export const BYTES_PER_SHARED_TEXT_CHAR = 12;

/** Discord's rule for which shard receives a server's events: (id >> 22) % shards; DMs go to shard 0. */
export function shardOf(id: LibraryId, shards: number): number {
  if (shards <= 1 || id === 'shared' || id.startsWith('user:')) return 0;
  return Number((BigInt(id.slice('guild:'.length)) >> 22n) % BigInt(shards));
}

export interface LibrariesOptions {
  shared: LibraryHolder;
  /** CITEBOT_LIBRARIES. */
  root: string;
  /** The shared data folder, for `--library shared` writes. */
  sharedDir: string;
  allow: AllowList;
  logger: Logger;
  /** Watch folders for changes made by others (off for one-shot CLI runs). */
  watch?: boolean;
  fetchTimeoutMs?: number;
  /**
   * CITEBOT_MEMORY_MB in bytes: when the loaded libraries' estimated memory (the shared one included)
   * passes it, the server and personal libraries used least recently are unloaded (never the shared
   * one, never one being written). Unset: no budget (only {@link MAX_LOADED}).
   */
  memoryBytes?: number;
  /**
   * Snapshot folder (CITEBOT_CACHE): each server or personal library keeps its own snapshot under
   * `<cache>/libraries/<folder>/`, so a library unloaded for memory loads again without analysing
   * its articles. Null or absent: none.
   */
  cacheDir?: string | null;
  /** This process's shard and the shard count: only its own servers' libraries are loaded. */
  shard?: { id: number; count: number };
  /** Where server and personal libraries are kept (default: folders under `root`). */
  storage?: LibraryStorage;
}

export class Libraries {
  private owns = new Map<LibraryId, Own>();
  /** Most recently used last. */
  private views = new Map<LibraryId, CachedView>();
  private rootWatcher: FSWatcher | null = null;
  /** How many libraries were unloaded to keep within the memory budget. */
  evictions = 0;

  private readonly storage: LibraryStorage;

  constructor(readonly options: LibrariesOptions) {
    this.storage = options.storage ?? folderStorage(options.root, options.sharedDir);
    if (options.watch !== false) this.watchRoot();
  }

  get shared(): LibraryHolder {
    return this.options.shared;
  }

  /** True when this process answers for library `id` (its shard's servers; every library without shards). */
  serves(id: LibraryId): boolean {
    const shard = this.options.shard;
    return !shard || shardOf(id, shard.count) === shard.id;
  }

  /** The view for `id` now, without waiting; null while a part of it is still loading. */
  current(id: LibraryId): Library | null {
    const shared = this.shared.current;
    if (!shared) return null;
    if (id === 'shared' || this.empty(id)) return shared;
    const own = this.ownState(id).holder.current;
    if (!own) return null;
    return this.viewOf(id, shared, own);
  }

  /** The view for `id`, once it is ready. */
  async get(id: LibraryId): Promise<Library> {
    const shared = await this.shared.get();
    if (id === 'shared' || this.empty(id)) return shared;
    const state = this.ownState(id);
    await state.loading;
    const own = await state.holder.get();
    return this.viewOf(id, this.shared.current ?? shared, state.holder.current ?? own);
  }

  /** The shared library plus `own`, made once per pair of versions. */
  private viewOf(id: LibraryId, shared: Library, own: Library): Library {
    if (own.articles.length === 0) return shared;
    const cached = this.views.get(id);
    if (cached) this.views.delete(id);
    const view =
      cached && cached.shared === shared && cached.own === own
        ? cached.view
        : libraryView(shared, own, kindOf(id));
    this.views.set(id, { shared, own, view });
    if (this.views.size > VIEWS_KEPT) this.views.delete(this.views.keys().next().value as LibraryId);
    return view;
  }

  /**
   * True for a library that has no folder and is not loaded: it holds nothing, so its view is the
   * shared library, answered at once (a folder appears with the first article added).
   */
  private empty(id: LibraryId): boolean {
    return id !== 'shared' && !this.owns.has(id) && !this.storage.mayHold(id);
  }

  /** The library's own articles only (for /remove and its autocomplete), null while loading. */
  ownCurrent(id: LibraryId): Library | null {
    if (id === 'shared') return this.shared.current;
    return this.ownState(id).holder.current;
  }

  async own(id: LibraryId): Promise<Library> {
    if (id === 'shared') return this.shared.get();
    const state = this.ownState(id);
    await state.loading;
    return state.holder.get();
  }

  /** How many articles the loaded libraries hold. */
  articleCount(): number {
    let n = this.shared.current?.articles.length ?? 0;
    for (const own of this.owns.values()) n += own.holder.current?.articles.length ?? 0;
    return n;
  }

  /** How many server and personal libraries are loaded now, and their estimated memory. */
  loaded(): { libraries: number; bytes: number } {
    let bytes = 0;
    for (const own of this.owns.values()) bytes += own.bytes;
    return { libraries: this.owns.size, bytes };
  }

  stop(): void {
    this.rootWatcher?.close();
    this.rootWatcher = null;
    for (const own of this.owns.values()) own.reloader?.stop();
    this.owns.clear();
    this.views.clear();
  }

  private dirOf(id: LibraryId): string {
    return id === 'shared' ? this.options.sharedDir : libraryFolder(this.options.root, id);
  }

  /**
   * A library folder made by hand while the bot runs: a library already asked for (and so served
   * as the shared library alone) reads it now; one not asked for yet reads it when first asked.
   */
  private watchRoot(): void {
    try {
      this.rootWatcher = watch(this.options.root, (_event, name) => {
        const m = name ? /^(guild|user)-(\d{1,25})$/.exec(String(name)) : null;
        if (!m) return;
        const state = this.owns.get(`${m[1]}:${m[2]}` as LibraryId);
        if (!state || state.reloader) return;
        void state.loading
          .then(() => (state.reloader ? undefined : this.refresh(state)))
          .catch((error) =>
            this.options.logger.warn({ err: error, folder: name }, 'could not read a new library folder'),
          );
      });
      this.rootWatcher.on('error', () => {});
      this.rootWatcher.unref();
    } catch {
      // No libraries folder yet: the first add creates it, and a library is read when asked for.
    }
  }

  private ownState(id: LibraryId): Own {
    const known = this.owns.get(id);
    if (known) {
      // Most recently used last.
      this.owns.delete(id);
      this.owns.set(id, known);
      return known;
    }
    const dir = this.dirOf(id);
    // The shared library is written only from the CLI (`--library shared`); its holder is the shared one.
    const holder = id === 'shared' ? this.shared : new LibraryHolder();
    const state: Own = {
      holder,
      source: id === 'shared' ? new FolderSource(id, dir) : this.storage.source(id),
      reloader: null,
      loading: Promise.resolve(),
      writing: Promise.resolve(),
      busy: 1,
      bytes: 0,
    };
    state.loading = (id === 'shared' ? Promise.resolve() : this.load(state, dir))
      .catch((error) => {
        this.options.logger.error(
          { err: error, library: id },
          'could not read the library; serving it empty',
        );
        if (!holder.current) holder.set(assembleLibrary(dir, [], []));
      })
      .finally(() => {
        state.busy--;
        state.bytes = id === 'shared' ? 0 : estimateBytes(holder.current);
        this.trim();
      });
    this.owns.set(id, state);
    if (this.owns.size > MAX_LOADED) this.trim(MAX_LOADED);
    return state;
  }

  /**
   * Unloads the server and personal libraries used least recently until the estimate is within the
   * memory budget (and at most `maxLoaded` are loaded). The one used last, a busy one and the shared
   * library stay.
   */
  private trim(maxLoaded = MAX_LOADED): void {
    const budget = this.options.memoryBytes;
    let total = estimateSharedBytes(this.shared.current);
    for (const own of this.owns.values()) total += own.bytes;
    const over = () => (budget !== undefined && total > budget) || this.owns.size > maxLoaded;
    if (!over()) return;
    const newest = [...this.owns.keys()].at(-1);
    for (const [id, state] of this.owns) {
      if (!over()) break;
      if (id === 'shared' || id === newest || state.busy > 0) continue;
      state.reloader?.stop();
      this.owns.delete(id);
      this.views.delete(id);
      total -= state.bytes;
      this.evictions++;
      this.options.logger.debug({ library: id, bytes: state.bytes }, 'library unloaded (memory budget)');
    }
  }

  /** Where library `id` keeps its snapshot, or null. */
  private snapshotDir(dir: string): string | null {
    const cache = this.options.cacheDir;
    return cache ? path.join(cache, 'libraries', path.basename(dir)) : null;
  }

  private async load(state: Own, dir: string): Promise<void> {
    const id = state.source.library;
    if (this.storage.open && id !== 'shared') {
      state.reloader = await this.storage.open(id, state.holder, {
        watch: this.options.watch !== false,
        logger: this.options.logger,
      });
      return;
    }
    const exists = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) {
      state.holder.set(assembleLibrary(dir, [], []));
      return;
    }
    // A crash mid-write may have left a temporary file: never an article, removed now.
    await cleanTempFiles(dir);
    await this.openAndWatch(state, dir, true);
  }

  /** Reads the folder again now (after a write), starting to watch it if it is new. */
  private async refresh(state: Own): Promise<void> {
    if (state.reloader) await state.reloader.reload();
    // A store that reads itself (a database) opens the library as it first would.
    else if (this.storage.open && state.source.library !== 'shared') await this.load(state, '');
    else await this.openAndWatch(state, this.dirOf(state.source.library), false);
    state.bytes = estimateBytes(state.holder.current);
    this.trim();
  }

  /** Reads a library folder into its holder and, unless told not to, watches it from then on. */
  private async openAndWatch(state: Own, dir: string, logSkipped: boolean): Promise<void> {
    const cacheDir = this.snapshotDir(dir);
    const { library, stamps } = await openLibrary(dir, {
      cacheDir,
      onSnapshotError: (error) => this.options.logger.warn({ err: error, dir }, 'could not save a snapshot'),
    });
    if (logSkipped)
      for (const s of library.skipped)
        this.options.logger.warn({ file: s.file, reason: s.reason, dir }, `skipped ${s.file}: ${s.reason}`);
    state.holder.set(library);
    if (this.options.watch !== false)
      state.reloader = watchLibrary({
        holder: state.holder,
        dataDir: dir,
        stamps,
        cacheDir,
        logger: this.options.logger,
      });
  }

  /**
   * Fetches or reads an article and stores it in library `id` (not the shared one unless asked,
   * as the CLI may). Throws SourceError (bad-input / forbidden / fetch-failed) or WriteError,
   * having written nothing.
   */
  async add(id: LibraryId, input: AddInput): Promise<AddOutcome> {
    // Busy from the start, so that the library is not unloaded while its page is fetched.
    const state = this.ownState(id);
    state.busy++;
    let page: PageArticle;
    let suggestedId: typeof import('../sources/page.js')['suggestedId'];
    try {
      ({ suggestedId } = await pages());
      page = await this.extract(input);
    } catch (error) {
      state.busy--;
      throw error;
    }
    const run = state.writing.then(async () => {
      await state.loading;
      const view = await this.get(id);
      const own = await this.own(id);
      const existing = findSame(own, page, 'url' in input ? input.url : null);
      if (existing) return { added: false, article: existing, library: view };
      let articleId = freeId(view, suggestedId(page.extraction));
      // Another process sharing the store may take the id first: read again and choose anew.
      for (let attempt = 1; ; attempt++) {
        try {
          await state.source.add(articleId, page.text);
          break;
        } catch (error) {
          if (!(error instanceof IdTakenError) || attempt >= 5) throw error;
          await this.refresh(state);
          const again = findSame(await this.own(id), page, 'url' in input ? input.url : null);
          if (again) return { added: false, article: again, library: await this.get(id) };
          articleId = freeId(await this.get(id), suggestedId(page.extraction));
        }
      }
      await this.refresh(state);
      const library = await this.get(id);
      if (!library.articleById.has(articleId))
        throw new SourceError('bad-input', 'The page has no article text Citebot can use.');
      return { added: true, article: articleId, library };
    });
    state.writing = run.catch(() => {});
    return run.finally(() => {
      state.busy--;
    });
  }

  /** Removes an article from library `id`'s own articles; the view without it, or null when it was not there. */
  async remove(id: LibraryId, article: string): Promise<{ article: string; library: Library } | null> {
    const state = this.ownState(id);
    state.busy++;
    const run = state.writing.then(async () => {
      const own = await this.own(id);
      const found = own.articleById.get(article);
      if (!found) return null;
      if (!(await state.source.remove(article))) return null;
      await this.refresh(state);
      return { article, library: await this.get(id) };
    });
    state.writing = run.catch(() => {});
    return run.finally(() => {
      state.busy--;
    });
  }

  private async extract(input: AddInput): Promise<PageArticle> {
    if ('url' in input) {
      const url = input.url.trim();
      if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
        throw new SourceError('bad-input', 'That is not an http(s) address.');
      const { fetchArticle } = await pages();
      return fetchArticle(url, {
        allow: this.options.allow,
        ...(this.options.fetchTimeoutMs ? { timeoutMs: this.options.fetchTimeoutMs } : {}),
      });
    }
    const { name, bytes } = input.file;
    const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
    if (!(FILE_TYPES as readonly string[]).includes(ext))
      throw new SourceError('bad-input', 'Only .html, .htm, .md and .txt files can be added.');
    if (bytes.byteLength > 5 * 1024 * 1024)
      throw new SourceError('bad-input', 'The file is larger than 5 MiB.');
    if (ext === '.html' || ext === '.htm') return (await pages()).articleFromHtml(bytes, name);
    return textArticle(name, bytes);
  }
}

/**
 * Fetching and reading pages (linkedom, Readability, undici: some 200 ms of CPU to load), imported
 * on the first /add, not by every start.
 */
const pages = () => import('../sources/page.js');

/** A loaded library's estimated memory: its article text and a fixed part (see {@link BYTES_PER_TEXT_CHAR}). */
export function estimateBytes(library: Library | null): number {
  if (!library) return 0;
  return textChars(library) * BYTES_PER_TEXT_CHAR + BYTES_PER_LIBRARY;
}

/** The shared library's estimated memory (see {@link BYTES_PER_SHARED_TEXT_CHAR}). */
export function estimateSharedBytes(library: Library | null): number {
  if (!library) return 0;
  return textChars(library) * BYTES_PER_SHARED_TEXT_CHAR + BYTES_PER_LIBRARY;
}

function textChars(library: Library): number {
  let chars = 0;
  for (const a of library.articles) chars += a.text.length;
  return chars;
}
