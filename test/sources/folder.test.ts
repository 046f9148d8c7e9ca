import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/library.js';
import { cleanTempFiles, FileFeedStore, FolderSource, WriteError } from '../../src/sources/folder.js';

const ARTICLE = `---\ntitle: "A"\n---\n${'The mayor said the bridge would reopen soon. '.repeat(20)}\n`;

describe('folder source', () => {
  it('writes atomically, lists, reads and removes', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'citebot-folder-')), 'guild-1');
    const source = new FolderSource('guild:1', dir);
    expect(await source.list()).toEqual([]);
    await source.add('a', ARTICLE);
    expect((await source.list()).map((e) => e.id)).toEqual(['a']);
    expect((await source.read('a')).text).toBe(ARTICLE);
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(await source.remove('a')).toBe(true);
    expect(await source.remove('a')).toBe(false);
    await expect(source.add('../escape', ARTICLE)).rejects.toThrow(WriteError);
  });

  it('never reads a temporary file left by a crash, and cleans it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-folder-'));
    writeFileSync(path.join(dir, 'a.md'), ARTICLE);
    writeFileSync(path.join(dir, '.b.md.1.2.citebot-tmp'), '---\ntitle: "Half');
    const library = await buildLibrary(dir);
    expect(library.articles.map((a) => a.id)).toEqual(['a']);
    expect(library.skipped).toEqual([]);
    expect(await cleanTempFiles(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it.skipIf(process.getuid?.() === 0)('says plainly when the folder cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-folder-'));
    chmodSync(dir, 0o500);
    try {
      await expect(new FolderSource('guild:1', dir).add('a', ARTICLE)).rejects.toThrow(/cannot be written/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('keeps feed subscriptions in feeds.json', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-feeds-'));
    const store = new FileFeedStore(root, root);
    const sub = {
      url: 'https://example.org/feed',
      channel: null,
      etag: null,
      lastModified: null,
      seen: [],
      lastSuccess: null,
      lastError: null,
      failures: 0,
      nextPoll: null,
    };
    await Promise.all([
      store.put('guild:5', sub),
      store.put('guild:5', { ...sub, url: 'https://example.org/2' }),
    ]);
    expect((await store.list('guild:5')).map((f) => f.url)).toEqual([
      'https://example.org/feed',
      'https://example.org/2',
    ]);
    expect(await store.libraries()).toEqual(['guild:5']);
    expect(await store.remove('guild:5', 'https://example.org/feed')).toBe(true);
    expect(await new FileFeedStore(root, root).list('guild:5')).toHaveLength(1);
  });
});
