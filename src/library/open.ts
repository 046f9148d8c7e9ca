/**
 * Opening the articles folder for serving: from a snapshot when one matches, else by analysing
 * every article (with a progress bar in a terminal when that takes a while) and saving a snapshot.
 */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { PROJECT_ROOT } from '../config.js';
import { buildLibrary, type Library } from './library.js';
import { type FileStamp, loadSnapshot, saveSnapshot, snapshotKey, stampFolder } from './snapshot.js';

/** The default snapshot folder. */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'snapshots');
/** A build over this many files shows a progress bar (in a terminal). */
const PROGRESS_FROM = 200;

export interface OpenOptions {
  /** Snapshot folder, or null to neither read nor write snapshots. */
  cacheDir: string | null;
  /** Where a progress bar may be drawn; none when it is not a terminal. */
  progress?: NodeJS.WriteStream;
  /** Hears about a snapshot that could not be saved. */
  onSnapshotError?: (error: unknown) => void;
}

export interface Opened {
  library: Library;
  stamps: FileStamp[];
  /** Whether it came from a snapshot. */
  fromSnapshot: boolean;
}

/** Opens `dataDir`: snapshot first, else a full build (then saved as a snapshot). */
export async function openLibrary(dataDir: string, options: OpenOptions): Promise<Opened> {
  const stamps = await stampFolder(dataDir);
  const key = options.cacheDir ? await snapshotKey(dataDir, stamps) : null;
  if (options.cacheDir && key) {
    const library = await loadSnapshot(options.cacheDir, key);
    if (library) return { library, stamps, fromSnapshot: true };
  }
  const bar =
    options.progress?.isTTY && stamps.length >= PROGRESS_FROM
      ? new SingleBar({
          stream: options.progress,
          format: 'Reading articles [{bar}] {value}/{total} {eta_formatted}',
          hideCursor: true,
        })
      : null;
  bar?.start(stamps.length, 0);
  let library: Library;
  try {
    library = await buildLibrary(dataDir, (_, done) => bar?.update(done));
  } finally {
    bar?.stop();
  }
  if (options.cacheDir && key) {
    await saveSnapshot(options.cacheDir, key, library, stamps).catch((error) =>
      options.onSnapshotError?.(error),
    );
  }
  return { library, stamps, fromSnapshot: false };
}
