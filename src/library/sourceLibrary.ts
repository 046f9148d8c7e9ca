/**
 * A library read from any {@link ArticleSource} (a database table rather than a folder): every
 * article listed is read and analysed, and on each change the source announces, only the
 * articles whose stamp changed are analysed again while the current library keeps serving; the
 * new library is then swapped in whole. Folders keep their own loader (snapshots, temp files).
 */
import { ArticleError } from '../corpus/load.js';
import type { SkippedFile } from '../corpus/types.js';
import { parseArticle } from '../ingest/parse.js';
import type { Logger } from '../log.js';
import type { ArticleSource } from '../sources/source.js';
import { coalesced } from './coalesce.js';
import type { LibraryHolder } from './holder.js';
import { assembleLibraryAsync, type IngestedArticle, ingestArticle, localCopy } from './library.js';
import type { Reloader } from './reload.js';

export interface SourceLibraryOptions {
  holder: LibraryHolder;
  logger: Logger;
  /** Follow the source's change announcements (off for one-shot CLI runs). */
  watch: boolean;
}

/**
 * Reads `source` into the holder, and keeps it up to date when `watch` is on. Resolves once the
 * first library is in the holder; rejects when the source cannot be listed at all.
 */
export async function openSourceLibrary(
  source: ArticleSource,
  options: SourceLibraryOptions,
): Promise<Reloader> {
  const { holder, logger } = options;
  let stamps = new Map<string, string>();
  const name = `${source.library}`;

  const reloadOnce = async (first: boolean): Promise<boolean> => {
    const entries = await source.list();
    const changed =
      first || entries.length !== stamps.size || entries.some((e) => stamps.get(e.id) !== e.stamp);
    if (!changed) return false;
    const reuse = new Map((holder.current?.ingested ?? []).map((a) => [a.article.id, a]));
    const ingested: IngestedArticle[] = [];
    const skipped: SkippedFile[] = [];
    const fresh = new Map<string, string>();
    let analysed = 0;
    for (const entry of entries) {
      const kept = stamps.get(entry.id) === entry.stamp ? reuse.get(entry.id) : undefined;
      if (kept) {
        // A copy: the library in service keeps its own numbering.
        ingested.push(localCopy(kept));
        fresh.set(entry.id, entry.stamp);
        continue;
      }
      try {
        const article = await source.read(entry.id);
        ingested.push(
          ingestArticle(parseArticle(article.id, article.location, article.text, article.mtimeMs)),
        );
      } catch (error) {
        const reason =
          error instanceof ArticleError ? error.message : `could not be processed (${String(error)})`;
        skipped.push({ file: entry.id, reason });
        logger.warn({ library: name, article: entry.id, reason }, `skipped ${entry.id}: ${reason}`);
      }
      fresh.set(entry.id, entry.stamp);
      // Let queries in between: this runs while the current library serves.
      if (++analysed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    holder.set(await assembleLibraryAsync(`${source.library}`, ingested, skipped));
    stamps = fresh;
    if (!first) logger.info({ library: name, articles: ingested.length, analysed }, 'library reloaded');
    return true;
  };

  const reload = coalesced(
    () => reloadOnce(false),
    // A failed reload leaves the current library serving.
    (error) =>
      logger.error({ err: error, library: name }, 'reload failed; still serving the previous articles'),
  );

  await reloadOnce(true);
  const stop = options.watch ? source.watch(() => void reload()) : () => {};
  return { reload, stop };
}
