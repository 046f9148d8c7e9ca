/**
 * Article folders (CONTRACT §2, §6): the shared data folder and the server and personal library
 * folders, as {@link WritableArticleSource}s, and `feeds.json` beside a library's articles as a
 * {@link FeedStore}. Writes are atomic: a temporary file is written and synced, renamed into place,
 * and the folder synced; a leftover temporary file (a crash mid-write) is never read as an article
 * and is removed when the folder is next opened for writing.
 */
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FeedStore, FeedSubscription, LibraryId, SourceEntry, WritableArticleSource } from './source.js';

/** Temporary files end so; the article loader reads only `.md` and `.txt`. */
const TEMP_SUFFIX = '.citebot-tmp';
const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);
/** An id as a file name: letters, digits, `-`, `_`, `.` (not leading). */
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;

/** The folder of a library under the libraries root: `guild-<id>` or `user-<id>`. */
export function libraryFolder(root: string, library: Exclude<LibraryId, 'shared'>): string {
  const [kind, id] = library.split(':') as [string, string];
  if (!/^\d{1,25}$/.test(id)) throw new Error(`not a Discord id: ${id}`);
  return path.join(root, `${kind}-${id}`);
}

/** A user-facing sentence for a failed write (full disk, read-only folder, …). */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'The library could not be saved: the disk is full.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return 'The library could not be saved: its folder cannot be written.';
  return `The library could not be saved (${code ?? 'unknown error'}).`;
}

/** An error whose message is fit to show the person who asked; the cause is kept for the log. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
}

/** Writes `text` to `file` atomically (temp file, fsync, rename, fsync of the folder). */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}${TEMP_SUFFIX}`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    await syncDir(dir);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw new WriteError(writeProblem(error), { cause: error });
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot sync a folder; the rename is still atomic.
  }
}

/** Removes temporary files a crash left behind; returns how many. */
export async function cleanTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const temps = names.filter((n) => n.endsWith(TEMP_SUFFIX));
  await Promise.all(temps.map((n) => rm(path.join(dir, n), { force: true }).catch(() => {})));
  return temps.length;
}

/** A folder of article files; created on the first write. */
export class FolderSource implements WritableArticleSource {
  constructor(
    readonly library: LibraryId,
    readonly dir: string,
  ) {}

  async list(): Promise<SourceEntry[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: SourceEntry[] = [];
    for (const e of entries) {
      if (!(e.isFile() || e.isSymbolicLink()) || !ARTICLE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        continue;
      try {
        const info = await stat(path.join(this.dir, e.name));
        out.push({ id: path.basename(e.name, path.extname(e.name)), stamp: `${info.size}:${info.mtimeMs}` });
      } catch {
        // Gone between listing and stat.
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The file of an article id, whichever extension it has; null when there is none. */
  async fileOf(id: string): Promise<string | null> {
    for (const ext of ARTICLE_EXTENSIONS) {
      const file = path.join(this.dir, `${id}${ext}`);
      try {
        await stat(file);
        return file;
      } catch {}
    }
    return null;
  }

  async read(id: string) {
    const file = await this.fileOf(id);
    if (!file) throw new Error(`no article ${id}`);
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { id, location: file, text, mtimeMs: info.mtimeMs };
  }

  watch(onChange: () => void): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(this.dir, () => {
        clearTimeout(timer);
        timer = setTimeout(onChange, 300);
        timer.unref();
      });
      watcher.on('error', () => {});
      watcher.unref();
    } catch {
      // Not there yet, or not watchable: the writer reloads after its own writes.
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  }

  async add(id: string, text: string): Promise<void> {
    if (!SAFE_ID.test(id)) throw new WriteError(`"${id}" cannot be an article id.`);
    await cleanTempFiles(this.dir);
    await writeAtomic(path.join(this.dir, `${id}.md`), text);
  }

  async remove(id: string): Promise<boolean> {
    const file = SAFE_ID.test(id) ? await this.fileOf(id) : null;
    if (!file) return false;
    try {
      await rm(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new WriteError(writeProblem(error), { cause: error });
    }
    await syncDir(this.dir);
    return true;
  }
}

/** Feed subscriptions in `feeds.json` in each library's folder under the libraries root. */
export class FileFeedStore implements FeedStore {
  /** Writes to one file one at a time. */
  private queue = new Map<string, Promise<unknown>>();

  constructor(
    readonly root: string,
    readonly sharedDir: string,
  ) {}

  private file(library: LibraryId): string {
    return path.join(library === 'shared' ? this.sharedDir : libraryFolder(this.root, library), 'feeds.json');
  }

  async list(library: LibraryId): Promise<FeedSubscription[]> {
    try {
      const parsed = JSON.parse(await readFile(this.file(library), 'utf8')) as { feeds?: unknown };
      return Array.isArray(parsed.feeds) ? (parsed.feeds as FeedSubscription[]) : [];
    } catch {
      return [];
    }
  }

  async libraries(): Promise<LibraryId[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const out: LibraryId[] = [];
    for (const name of names.sort()) {
      const m = /^(guild|user)-(\d{1,25})$/.exec(name);
      if (!m) continue;
      const library = `${m[1]}:${m[2]}` as LibraryId;
      if ((await this.list(library)).length > 0) out.push(library);
    }
    return out;
  }

  private update<T>(library: LibraryId, change: (feeds: FeedSubscription[]) => T): Promise<T> {
    const file = this.file(library);
    const run = (this.queue.get(file) ?? Promise.resolve()).then(async () => {
      const feeds = await this.list(library);
      const result = change(feeds);
      await writeAtomic(file, `${JSON.stringify({ feeds }, null, 2)}\n`);
      return result;
    });
    this.queue.set(
      file,
      run.catch(() => {}),
    );
    return run;
  }

  put(library: LibraryId, subscription: FeedSubscription): Promise<void> {
    return this.update(library, (feeds) => {
      const i = feeds.findIndex((f) => f.url === subscription.url);
      if (i >= 0) feeds[i] = subscription;
      else feeds.push(subscription);
    });
  }

  remove(library: LibraryId, url: string): Promise<boolean> {
    return this.update(library, (feeds) => {
      const i = feeds.findIndex((f) => f.url === url);
      if (i >= 0) feeds.splice(i, 1);
      return i >= 0;
    });
  }
}
