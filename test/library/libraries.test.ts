/**
 * The set of libraries: server libraries load when first asked for, are unloaded least recently
 * used under the memory budget (never the shared one) and load again from their snapshot; a shard
 * serves only its own servers; a library folder made by hand while the bot runs is picked up.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryHolder } from '../../src/library/holder.js';
import {
  estimateBytes,
  estimateSharedBytes,
  Libraries,
  type LibraryId,
  shardOf,
} from '../../src/library/libraries.js';
import type { Library } from '../../src/library/library.js';
import { createLogger } from '../../src/log.js';
import { EMPTY_ALLOW_LIST, parseAllowList } from '../../src/sources/address.js';
import { bundledLibrary, SEED_ID } from '../support/library.js';
import { newsPage } from '../support/newsPages.js';
import { startPageServer } from '../support/pageServer.js';

/** An invented article naming its server, so that each library's answer shows whose it is. */
function story(n: number): string {
  return `---\ntitle: Market square fountain ${n}\n---\nThe fountain in market square number ${n} will be repaired this spring, the town said on Friday.\n\n"Children have played in it for a century," said caretaker Mira Holm${n}, who has looked after the square for years.\n`;
}

function writeLibrary(root: string, guild: number): void {
  const dir = path.join(root, `guild-${guild}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `fountain-${guild}.md`), story(guild));
}

async function until<T>(check: () => Promise<T | null> | T | null, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('libraries', () => {
  let shared: Library;
  beforeAll(async () => {
    shared = await bundledLibrary();
  }, 60_000);

  const make = (root: string, extra: Partial<ConstructorParameters<typeof Libraries>[0]> = {}) => {
    const holder = new LibraryHolder();
    holder.set(shared);
    return new Libraries({
      shared: holder,
      root,
      sharedDir: shared.dataDir,
      allow: EMPTY_ALLOW_LIST,
      logger: createLogger('silent'),
      watch: false,
      ...extra,
    });
  };

  it('unloads the least recently used server libraries under the budget, never the shared one, and loads them again', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-budget-'));
    for (let g = 1; g <= 6; g++) writeLibrary(root, g);
    const cache = mkdtempSync(path.join(tmpdir(), 'citebot-budget-cache-'));
    const probe = make(root);
    const one = estimateBytes(await probe.own('guild:1'));
    // Room for the shared library and two and a half server libraries.
    const libraries = make(root, { memoryBytes: estimateSharedBytes(shared) + 2.5 * one, cacheDir: cache });
    for (let g = 1; g <= 6; g++) {
      const view = await libraries.get(`guild:${g}` as LibraryId);
      expect(view.articles.map((a) => a.id)).toEqual([SEED_ID, `fountain-${g}`]);
    }
    expect(libraries.loaded().libraries).toBe(2);
    expect(libraries.evictions).toBe(4);
    expect(libraries.loaded().bytes + estimateSharedBytes(shared)).toBeLessThanOrEqual(
      estimateSharedBytes(shared) + 2.5 * one,
    );
    // The shared library is still there; the first server's library loads again (from its snapshot).
    expect(libraries.current('shared')).toBe(shared);
    expect(libraries.current('guild:1')).toBeNull();
    const again = await libraries.get('guild:1');
    expect(again.articles.map((a) => a.id)).toEqual([SEED_ID, 'fountain-1']);
    const quotes = (await libraries.get('guild:1')).speakerDirectory.byName('Mira Holm1');
    expect(quotes).toHaveLength(1);
    // The one used last stays, even with no room at all.
    const tight = make(root, { memoryBytes: 1 });
    expect((await tight.get('guild:3')).articles).toHaveLength(2);
    expect(tight.loaded().libraries).toBe(1);
  }, 60_000);

  it('keeps a library that is being written', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-busy-'));
    for (let g = 1; g <= 3; g++) writeLibrary(root, g);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pages = await startPageServer({
      '/story': (_req, res) => {
        void held.then(() => res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage()));
      },
    });
    try {
      const libraries = make(root, { memoryBytes: 1, allow: parseAllowList('127.0.0.1') });
      const first = await libraries.own('guild:1');
      const adding = libraries.add('guild:1', { url: `${pages.origin}/story` });
      await libraries.get('guild:2');
      await libraries.get('guild:3');
      // Guild 2 was unloaded for guild 3; guild 1, whose page is still being fetched, was not.
      expect(libraries.loaded().libraries).toBe(2);
      expect(libraries.ownCurrent('guild:1')).toBe(first);
      release();
      const outcome = await adding;
      expect(outcome.added).toBe(true);
      expect(outcome.library.articles).toHaveLength(3);
    } finally {
      await pages.close();
    }
  }, 60_000);

  it("routes a server to its shard by Discord's rule and personal libraries to shard 0", () => {
    const guild = (shardBits: bigint) => `guild:${(shardBits << 22n) + 12345n}` as LibraryId;
    expect(shardOf(guild(7n), 4)).toBe(3);
    expect(shardOf(guild(8n), 4)).toBe(0);
    expect(shardOf(guild(7n), 1)).toBe(0);
    expect(shardOf('user:123', 4)).toBe(0);
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-shard-'));
    const libraries = make(root, { shard: { id: 3, count: 4 } });
    expect(libraries.serves(guild(7n))).toBe(true);
    expect(libraries.serves(guild(8n))).toBe(false);
    expect(libraries.serves('user:5')).toBe(false);
  });

  it('picks up a library folder made by hand while it runs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-handmade-'));
    const libraries = make(root, { watch: true });
    try {
      // Asked for before it had a folder (e.g. /remove's autocomplete): served as empty.
      expect((await libraries.own('guild:41')).articles).toHaveLength(0);
      expect((await libraries.get('guild:41')).articles.map((a) => a.id)).toEqual([SEED_ID]);
      writeLibrary(root, 41);
      await until(async () => (await libraries.get('guild:41')).articleById.has('fountain-41'));
      // A folder for a library never asked for is read when it first is.
      writeLibrary(root, 42);
      expect((await libraries.get('guild:42')).articleById.has('fountain-42')).toBe(true);
      // A library answered as empty (no folder) is looked for again after a short while.
      expect(libraries.current('guild:44')).toBe(shared);
      writeLibrary(root, 44);
      await until(async () => (await libraries.get('guild:44')).articleById.has('fountain-44'));
      // And an article copied into a watched folder by hand is picked up too.
      writeFileSync(path.join(root, 'guild-41', 'second.md'), story(43));
      await until(async () => (await libraries.get('guild:41')).articleById.has('second'));
    } finally {
      libraries.stop();
    }
  }, 60_000);
});
