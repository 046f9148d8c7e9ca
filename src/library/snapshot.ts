/**
 * Snapshots: a built library saved to a cache folder and loaded at start instead of analysing every
 * article again. A snapshot is keyed by the article files (name, size, modification time) and the
 * code version, so any change to either builds afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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
} from './snapshotCodec.js';

/** Bumped when the snapshot layout changes. */
const FORMAT = 3;
/** Snapshots kept per cache folder (older ones are removed). */
const KEEP = 3;

/** What identifies one article file's content without reading it. */
export interface FileStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

/** Stamps of the article files in `dir`, in file-name order; files that vanish are left out. */
export async function stampFolder(dir: string): Promise<FileStamp[]> {
  const stamps: FileStamp[] = [];
  for (const file of await listArticleFiles(dir)) {
    try {
      const info = await stat(file);
      stamps.push({ file, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      stamps.push({ file, size: -1, mtimeMs: -1 });
    }
  }
  return stamps;
}

let cachedCodeVersion: string | undefined;

/** A hash of the program's source and version: a snapshot from other code is never used. */
export async function codeVersion(): Promise<string> {
  if (cachedCodeVersion) return cachedCodeVersion;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  hash.update(await readFile(path.join(PROJECT_ROOT, 'package-lock.json')).catch(() => Buffer.alloc(0)));
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = await Promise.all(
      entries.map((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]),
      ),
    );
    return files.flat().sort();
  };
  for (const file of await walk(path.join(PROJECT_ROOT, 'src'))) {
    hash.update(path.relative(PROJECT_ROOT, file)).update(await readFile(file));
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
 * grows past the engine's limit; see {@link encodeArticle}), their attributions likewise in a
 * file of their own (read lazily, {@link decodeArticle}), the statements and speakers as merged
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
    await writeFile(path.join(temp, 'articles.jsonl'), library.ingested.map(encodeArticle).join('\n'));
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

/** Loads the snapshot for `key`, or null when there is none (or it cannot be read). */
export async function loadSnapshot(cacheDir: string, key: string): Promise<Library | null> {
  const dir = path.join(cacheDir, key);
  try {
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta;
    if (meta.format !== FORMAT || meta.key !== key) return null;
    const text = await readFile(path.join(dir, 'articles.jsonl'), 'utf8');
    const attributions = (await readFile(path.join(dir, 'attributions.jsonl'), 'utf8')).split('\n');
    const lines = text === '' ? [] : text.split('\n');
    if (lines.length !== attributions.length && lines.length > 0) return null;
    const ingested = lines.map((line, i) => decodeArticle(line, attributions[i] as string));
    const merged = JSON.parse(await readFile(path.join(dir, 'merged.json'), 'utf8')) as Attribution;
    const index = TextIndex.fromBinary(
      decodeIndex(
        await readFile(path.join(dir, 'index.json'), 'utf8'),
        await readFile(path.join(dir, 'index.bin')),
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
