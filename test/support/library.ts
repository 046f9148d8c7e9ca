import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { buildLibrary, type Library } from '../../src/library/library.js';

export const SEED_ID = 'cnn-2025-02-12-hegseth-nato-ukraine';
export const SEED_FILE = path.join(DEFAULT_DATA_DIR, `${SEED_ID}.md`);

let bundled: Promise<Library> | undefined;

/** The library built from the bundled articles, once per test file. */
export function bundledLibrary(): Promise<Library> {
  bundled ??= buildLibrary(DEFAULT_DATA_DIR);
  return bundled;
}

/** A fresh temporary folder holding the given files (name → content). */
export function tempArticles(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
