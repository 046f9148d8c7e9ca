import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { openLibrary } from '../../src/library/open.js';
import { watchLibrary } from '../../src/library/reload.js';
import { createLogger } from '../../src/log.js';
import { SEED_FILE, tempArticles } from '../support/library.js';

const seed = readFileSync(SEED_FILE, 'utf8');
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const answers = (library: Parameters<typeof runCommand>[0]) =>
  ['who-said', 'ask', 'quotes', 'summary'].map((command) =>
    JSON.stringify(
      runCommand(
        library,
        command,
        command === 'who-said' ? { topic: 'NATO' } : command === 'ask' ? { question: 'territory' } : {},
        'cli',
      ),
    ),
  );

describe('snapshots', () => {
  it('saves a library and loads it back with the same answers', async () => {
    const data = tempArticles({
      'a.md': seed,
      'b.md': 'The mayor said the bridge would reopen in May.',
      'bad.md': '',
    });
    const cache = temp();
    const built = await openLibrary(data, { cacheDir: cache });
    expect(built.fromSnapshot).toBe(false);
    expect(readdirSync(cache)).toHaveLength(1);
    const loaded = await openLibrary(data, { cacheDir: cache });
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.library.skipped).toEqual(built.library.skipped);
    expect(answers(loaded.library)).toEqual(answers(built.library));
    expect(loaded.library.sentenceIndex.isKnownName('hegses')).toBe(true);
    // Sentences hold the article's own words; attributions, read lazily, are the saved ones.
    for (const s of loaded.library.sentences)
      expect(s.text).toBe(loaded.library.article(s.article).text.slice(s.start, s.end));
    expect(loaded.library.ingested.map((a) => a.attribution)).toEqual(
      built.library.ingested.map((a) => a.attribution),
    );
    expect(loaded.library.statements).toEqual(built.library.statements);
    expect(loaded.library.speakers).toEqual(built.library.speakers);
  });

  it('builds afresh when an article changes, and without a cache folder writes nothing', async () => {
    const data = tempArticles({ 'a.md': 'The mayor said the bridge would reopen in May.' });
    const cache = temp();
    await openLibrary(data, { cacheDir: cache });
    writeFileSync(path.join(data, 'a.md'), 'The mayor said the tunnel would close in June.');
    utimesSync(path.join(data, 'a.md'), new Date(), new Date(Date.now() + 5000));
    const changed = await openLibrary(data, { cacheDir: cache });
    expect(changed.fromSnapshot).toBe(false);
    expect(changed.library.articles[0]?.text).toMatch(/tunnel/);
    const none = await openLibrary(data, { cacheDir: null });
    expect(none.fromSnapshot).toBe(false);
  });
});

/** Opens `data` (no cache) and watches it, as the bot does. */
async function watched(data: string, debounceMs: number) {
  const { library, stamps } = await openLibrary(data, { cacheDir: null });
  const holder = new LibraryHolder();
  holder.set(library);
  const reloader = watchLibrary({
    holder,
    dataDir: data,
    stamps,
    cacheDir: null,
    logger: createLogger('silent'),
    debounceMs,
  });
  return { holder, reloader };
}

describe('live reload', () => {
  it('notices a new file by itself', async () => {
    const data = tempArticles({ 'a.md': 'The mayor said the bridge would reopen in May.' });
    const { holder, reloader } = await watched(data, 50);
    try {
      writeFileSync(path.join(data, 'b.md'), 'Officials said the port would open on Monday.');
      const deadline = Date.now() + 10_000;
      while (holder.current?.articles.length !== 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(holder.current?.articles.map((a) => a.id)).toEqual(['a', 'b']);
    } finally {
      reloader.stop();
    }
  });

  it('re-reads changed, added and removed articles and swaps the library in whole', async () => {
    const data = tempArticles({
      'a.md': 'The mayor said the bridge would reopen in May.',
      'b.md': 'Officials said the port was closed.',
    });
    const { holder, reloader } = await watched(data, 10_000);
    try {
      const before = holder.current;
      expect(await reloader.reload()).toBe(false);
      writeFileSync(path.join(data, 'c.md'), 'The minister said ferries would run again on Friday.');
      unlinkSync(path.join(data, 'b.md'));
      writeFileSync(path.join(data, 'a.md'), 'The mayor said the bridge would never reopen.');
      utimesSync(path.join(data, 'a.md'), new Date(), new Date(Date.now() + 5000));
      writeFileSync(path.join(data, 'd.md'), Buffer.from([0xff, 0xfe, 0x00]));
      expect(await reloader.reload()).toBe(true);
      const after = holder.current!;
      expect(after).not.toBe(before);
      expect(after.articles.map((a) => a.id)).toEqual(['a', 'c']);
      expect(after.articles[0]?.text).toMatch(/never reopen/);
      expect(after.skipped.map((s) => s.file)).toEqual(['d.md']);
      // The old library was never touched: it still answers from what it had.
      expect(before?.articles.map((a) => a.id)).toEqual(['a', 'b']);
      const ferry = runCommand(after, 'who-said', { topic: 'ferries' }, 'cli').results;
      expect(ferry).toHaveLength(1);
    } finally {
      reloader.stop();
    }
  });
});
