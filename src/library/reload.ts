/**
 * Live reload: the articles folder is watched; a changed, added or removed article is analysed
 * again in the background (unchanged ones are reused) while the current library keeps serving,
 * then the new library is swapped in whole.
 */
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { ArticleError } from '../corpus/load.js';
import type { SkippedFile } from '../corpus/types.js';
import { readArticleFile } from '../ingest/parse.js';
import type { Logger } from '../log.js';
import { coalesced } from './coalesce.js';
import type { LibraryHolder } from './holder.js';
import {
  assembleLibraryAsync,
  type IngestedArticle,
  ingestArticle,
  type Library,
  localCopy,
} from './library.js';
import { type FileStamp, saveSnapshot, snapshotKey, stampFolder } from './snapshot.js';

export interface ReloadOptions {
  holder: LibraryHolder;
  dataDir: string;
  /** The stamps the current library was built from. */
  stamps: FileStamp[];
  cacheDir: string | null;
  logger: Logger;
  /** Quiet time after the last change before reloading, in ms. */
  debounceMs?: number;
}

export interface Reloader {
  /** Checks the folder now and reloads if anything changed; resolves when done. */
  reload(): Promise<boolean>;
  stop(): void;
}

const sameStamp = (a: FileStamp | undefined, b: FileStamp) =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Watches the folder and keeps the holder's library up to date. */
export function watchLibrary(options: ReloadOptions): Reloader {
  let stamps = new Map(options.stamps.map((s) => [s.file, s]));
  let timer: NodeJS.Timeout | undefined;

  const reloadOnce = async (): Promise<boolean> => {
    const current = options.holder.current;
    const fresh = await stampFolder(options.dataDir);
    const changed = fresh.length !== stamps.size || fresh.some((s) => !sameStamp(stamps.get(s.file), s));
    if (!current || !changed) return false;
    const started = Date.now();
    const reuse = new Map(current.ingested.map((a) => [a.article.file, a]));
    const skippedBefore = new Map(current.skipped.map((s) => [s.file, s]));
    const ingested: IngestedArticle[] = [];
    const skipped: SkippedFile[] = [];
    const ids = new Map<string, string>();
    let analysed = 0;
    for (const stamp of fresh) {
      const name = path.basename(stamp.file);
      const id = path.basename(stamp.file, path.extname(stamp.file));
      const clash = ids.get(id);
      if (clash) {
        skipped.push({ file: name, reason: `same article id "${id}" as ${clash}` });
        continue;
      }
      const unchanged = sameStamp(stamps.get(stamp.file), stamp);
      const kept = unchanged ? reuse.get(stamp.file) : undefined;
      if (kept) {
        // A copy: the library in service keeps its own numbering.
        ingested.push(localCopy(kept));
        ids.set(id, name);
        continue;
      }
      const wasSkipped = unchanged ? skippedBefore.get(name) : undefined;
      if (wasSkipped) {
        skipped.push(wasSkipped);
        continue;
      }
      try {
        ingested.push(ingestArticle(await readArticleFile(stamp.file, 0)));
        ids.set(id, name);
      } catch (error) {
        const reason =
          error instanceof ArticleError ? error.message : `could not be processed (${String(error)})`;
        skipped.push({ file: name, reason });
        options.logger.warn({ file: name, reason }, `skipped ${name}: ${reason}`);
      }
      // Let queries in between: this runs while the current library serves.
      if (++analysed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const library: Library = await assembleLibraryAsync(options.dataDir, ingested, skipped);
    options.holder.set(library);
    stamps = new Map(fresh.map((s) => [s.file, s]));
    options.logger.info(
      { articles: library.articles.length, analysed, ms: Date.now() - started },
      'articles changed: library reloaded',
    );
    if (options.cacheDir) {
      const key = await snapshotKey(options.dataDir, fresh);
      await saveSnapshot(options.cacheDir, key, library, fresh).catch((error) =>
        options.logger.warn({ err: error }, 'could not save a snapshot'),
      );
    }
    return true;
  };

  const reload = coalesced(
    () => reloadOnce(),
    // A failed reload leaves the current library serving.
    (error) => options.logger.error({ err: error }, 'reload failed; still serving the previous articles'),
  );

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.dataDir, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 300);
      timer.unref();
    });
    watcher.on('error', (error) =>
      options.logger.warn({ err: error }, 'stopped watching the articles folder'),
    );
    watcher.unref();
  } catch (error) {
    options.logger.warn({ err: error }, 'cannot watch the articles folder; changes need a restart');
  }

  return {
    reload,
    stop() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
