import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import { openLibrary } from '../../src/library/open.js';
import { FORMAT } from '../../src/library/snapshot.js';
import { TextIndex } from '../../src/retrieval/textIndex.js';
import { tempArticles } from '../support/library.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-format-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Texts beyond Latin-1 (curly quotes, a dash, letters of other scripts, a character outside the
// basic plane) next to plain ASCII and Latin-1 ones: each is saved in its own width.
const FILES = {
  'a.md': 'The mayor said the bridge would reopen in May.',
  'b.md': 'Le maire a déclaré que le pont rouvrirait en été, a-t-il précisé.',
  'c.md':
    '“The harbour will stay open,” said port director Ilse Varga — who has run it since 2019 — on Monday. Officials in Łódź said the ferry 🚢 would sail again.',
};

const answers = (library: Parameters<typeof runCommand>[0]) =>
  [
    ['who-said', { topic: 'harbour' }],
    ['who-said', { topic: 'bridge' }],
    ['ask', { question: 'Who said the ferry would sail?' }],
    ['quotes', { speaker: 'Ilse Varga' }],
    ['sources', {}],
  ].map(([command, options]) =>
    JSON.stringify(runCommand(library, command as string, options as Record<string, unknown>, 'cli')),
  );

describe('snapshot format', () => {
  it('keeps texts of every width exactly, with the same answers and attributions', async () => {
    const data = tempArticles(FILES);
    const cache = temp();
    const built = await openLibrary(data, { cacheDir: cache });
    const loaded = await openLibrary(data, { cacheDir: cache });
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.library.articles.map((a) => a.text)).toEqual(built.library.articles.map((a) => a.text));
    // Fields in the same order as an analysed article has them.
    expect(JSON.stringify(loaded.library.articles)).toBe(JSON.stringify(built.library.articles));
    expect(answers(loaded.library)).toEqual(answers(built.library));
    expect(loaded.library.ingested.map((a) => a.attribution)).toEqual(
      built.library.ingested.map((a) => a.attribution),
    );
  });

  it('rebuilds a snapshot of an older format instead of reading it', async () => {
    const data = tempArticles(FILES);
    const cache = temp();
    await openLibrary(data, { cacheDir: cache });
    const [key] = readdirSync(cache);
    const metaFile = path.join(cache, key as string, 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { format: number };
    expect(meta.format).toBe(FORMAT);
    expect(FORMAT).toBeGreaterThanOrEqual(4);
    // An older layout under the same key: its articles hold their texts, there is no texts.bin.
    rmSync(path.join(cache, key as string, 'texts.bin'));
    writeFileSync(metaFile, JSON.stringify({ ...meta, format: 3 }));
    const again = await openLibrary(data, { cacheDir: cache });
    expect(again.fromSnapshot).toBe(false);
    expect(again.library.articles).toHaveLength(3);
  });

  it('a snapshot whose texts file is cut short is rebuilt, not misread', async () => {
    const data = tempArticles(FILES);
    const cache = temp();
    await openLibrary(data, { cacheDir: cache });
    const [key] = readdirSync(cache);
    const texts = path.join(cache, key as string, 'texts.bin');
    writeFileSync(texts, readFileSync(texts).subarray(0, 20));
    const again = await openLibrary(data, { cacheDir: cache });
    expect(again.fromSnapshot).toBe(false);
    expect(again.library.articles.map((a) => a.text)).toEqual(Object.values(FILES).map((t) => `${t}`));
  });
});

describe('binary index per-document maps', () => {
  const texts = [
    'The harbour council voted to delay the ferry timetable.',
    'A councillor said the ferry would run until midnight.',
    'Fares rose in March, the operator said.',
    'Residents said the council had ignored them.',
  ];
  const built = () => {
    const index = new TextIndex(['text']);
    index.addAll(texts.map((text, id) => ({ id: id * 3 + 1, text })));
    return index;
  };

  it('answers, discards and takes new documents as an index built in memory does', () => {
    const fresh = built();
    const loaded = TextIndex.fromBinary(built().toBinary());
    const hits = (index: TextIndex, q: string) => index.search(q).map((h) => [h.id, h.score.toFixed(9)]);
    for (const q of ['ferry', 'council said', 'fares march']) expect(hits(loaded, q)).toEqual(hits(fresh, q));
    for (const index of [fresh, loaded]) {
      index.discardAll([4]);
      index.addAll([{ id: 40, text: 'The ferry council met the operator.' }]);
    }
    for (const q of ['ferry', 'council said', 'operator']) expect(hits(loaded, q)).toEqual(hits(fresh, q));
    expect(loaded.size).toBe(fresh.size);
    // Saved again after changing, it loads back the same.
    const twice = TextIndex.fromBinary(loaded.toBinary());
    for (const q of ['ferry', 'operator', 'midnight']) expect(hits(twice, q)).toEqual(hits(fresh, q));
  });
});
