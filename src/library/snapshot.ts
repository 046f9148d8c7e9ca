/**
 * Snapshots: a built library saved to a cache folder and loaded at start instead of analysing every
 * article again. A snapshot is keyed by the article files (name, size, modification time) and the
 * code version, so any change to either builds afresh.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Attribution } from '../attribution/attribute.js';
import { PROJECT_ROOT } from '../config.js';
import { listArticleFiles } from '../corpus/load.js';
import type { SkippedFile } from '../corpus/types.js';
import { TextIndex } from '../retrieval/textIndex.js';
import { assembleLibrary, type Library } from './library.js';
import {
  decodeArticle,
  decodeIndex,
  encodeArticle,
  encodeAttribution,
  encodeIndex,
  encodeTexts,
  LazyLines,
} from './snapshotCodec.js';

/** Bumped when the snapshot layout changes (4: article texts in texts.bin). */
export const FORMAT = 4;
/** Snapshots kept per cache folder (older ones are removed). */
const KEEP = 3;

/** What identifies one article file's content without reading it. */
export interface FileStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Stamps of the article files in `dir`, in file-name order; a file that vanished has size -1.
 * The files are stat'ed synchronously: one awaited stat per file cost a thread-pool round trip
 * each, seconds for 10,000 files on a busy machine, against some 30 ms for the whole folder.
 */
export async function stampFolder(dir: string): Promise<FileStamp[]> {
  const stamps: FileStamp[] = [];
  for (const file of await listArticleFiles(dir)) {
    try {
      const info = statSync(file);
      stamps.push({ file, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      stamps.push({ file, size: -1, mtimeMs: -1 });
    }
  }
  return stamps;
}

let cachedCodeVersion: string | undefined;

/**
 * A hash of the program's source and version: a snapshot from other code is never used. Read
 * synchronously (a few hundred small files, once per process).
 */
export async function codeVersion(): Promise<string> {
  if (cachedCodeVersion) return cachedCodeVersion;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  try {
    hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  } catch {
    // No lock file: the source alone decides.
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .sort();
  for (const file of walk(path.join(PROJECT_ROOT, 'src'))) {
    hash.update(path.relative(PROJECT_ROOT, file)).update(readFileSync(file));
  }
  cachedCodeVersion = hash.digest('hex');
  return cachedCodeVersion;
}

/** The snapshot key for a folder's stamps. */
export async function snapshotKey(dataDir: string, stamps: readonly FileStamp[]): Promise<string> {
  const hash = createHash('sha256')
    .update(await codeVersion())
    .update(path.resolve(dataDir));
  for (const s of stamps) hash.update(`\n${path.basename(s.file)}\t${s.size}\t${s.mtimeMs}`);
  return hash.digest('hex').slice(0, 32);
}

interface Meta {
  format: number;
  key: string;
  dataDir: string;
  skipped: SkippedFile[];
  stamps: FileStamp[];
}

/**
 * Saves a library under `cacheDir/<key>/`: articles as JSON Lines (one per line, so no string
 * grows past the engine's limit; see {@link encodeArticle}) with their texts in `texts.bin`
 * ({@link encodeTexts}), their attributions as JSON Lines in a file of their own (read lazily,
 * {@link decodeArticle}), the statements and speakers as merged
 * across articles (merging is the slowest part of assembling a library), the index as a binary
 * file with a JSON head, and a small meta file written last.
 */
export async function saveSnapshot(
  cacheDir: string,
  key: string,
  library: Library,
  stamps: FileStamp[],
): Promise<void> {
  const final = path.join(cacheDir, key);
  const temp = `${final}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(temp, { recursive: true });
  try {
    const texts = encodeTexts(library.ingested);
    await writeFile(path.join(temp, 'texts.bin'), texts.body);
    await writeFile(
      path.join(temp, 'articles.jsonl'),
      library.ingested.map((a, i) => encodeArticle(a, texts.at[i] as [number, number, 0 | 1])).join('\n'),
    );
    await writeFile(
      path.join(temp, 'attributions.jsonl'),
      library.ingested.map(encodeAttribution).join('\n'),
    );
    const merged: Attribution = { statements: library.statements, speakers: library.speakers };
    await writeFile(path.join(temp, 'merged.json'), JSON.stringify(merged));
    const index = encodeIndex(library.sentenceIndex.toBinary());
    await writeFile(path.join(temp, 'index.json'), index.head);
    await writeFile(path.join(temp, 'index.bin'), index.body);
    const meta: Meta = { format: FORMAT, key, dataDir: library.dataDir, skipped: library.skipped, stamps };
    await writeFile(path.join(temp, 'meta.json'), JSON.stringify(meta));
    await rm(final, { recursive: true, force: true });
    await rename(temp, final);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await prune(cacheDir);
}

/**
 * Loads the snapshot for `key`, or null when there is none (or it cannot be read). Its files are
 * read synchronously, each in one read (an asynchronous read of a big file goes in 512 KiB
 * chunks, each a thread-pool round trip, and the serving process has nothing else to do yet).
 * The attributions stay bytes, each line decoded when its article's attribution is first asked
 * for.
 */
export async function loadSnapshot(cacheDir: string, key: string): Promise<Library | null> {
  const dir = path.join(cacheDir, key);
  try {
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta;
    if (meta.format !== FORMAT || meta.key !== key) return null;
    const articles = new LazyLines(readFileSync(path.join(dir, 'articles.jsonl')));
    const attributions = new LazyLines(readFileSync(path.join(dir, 'attributions.jsonl')));
    if (articles.length !== attributions.length) return null;
    const texts = readFileSync(path.join(dir, 'texts.bin'));
    const ingested = Array.from({ length: articles.length }, (_, i) =>
      decodeArticle(articles.line(i), texts, attributions, i),
    );
    const merged = JSON.parse(readFileSync(path.join(dir, 'merged.json'), 'utf8')) as Attribution;
    const index = TextIndex.fromBinary(
      decodeIndex(
        readFileSync(path.join(dir, 'index.json'), 'utf8'),
        readFileSync(path.join(dir, 'index.bin')),
      ),
    );
    return assembleLibrary(meta.dataDir, ingested, meta.skipped, index, merged);
  } catch {
    return null;
  }
}

/** Removes all but the newest snapshots. */
async function prune(cacheDir: string): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true });
  const dated = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !e.name.includes('.tmp-'))
      .map(async (e) => ({ name: e.name, time: (await stat(path.join(cacheDir, e.name))).mtimeMs })),
  );
  dated.sort((a, b) => b.time - a.time);
  for (const old of dated.slice(KEEP))
    await rm(path.join(cacheDir, old.name), { recursive: true, force: true });
}
