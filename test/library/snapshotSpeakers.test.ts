/**
 * Making a view of a server library: the shared speakers its speakers are, looked up once per
 * shared library and name (the same people are quoted in many servers), the same as looked up
 * afresh; and the view's sentences and statements read through to the two parts without copying.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { concatenation, libraryView } from '../../src/library/view.js';
import { SEED_FILE, SEED_ID } from '../support/library.js';

// Invented article quoting the bundled article's main speaker and a new one.
const OWN = `---
title: Harbour crane contract signed
published: 2026-11-24
---
The port signed a contract for two new cranes on Tuesday, the harbour board said.

"The old cranes have done their work," said harbour engineer Maren Dahl, who will oversee the installation.

Defense Secretary Pete Hegseth said on Tuesday that the naval yard beside the port would share one of the cranes.
`;

function folderWith(files: Record<string, string>, seed: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-speakers-'));
  if (seed) copyFileSync(SEED_FILE, path.join(dir, `${SEED_ID}.md`));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('views of many server libraries', () => {
  let shared: Library;
  let ownA: Library;
  let ownB: Library;

  beforeAll(async () => {
    shared = await buildLibrary(folderWith({}, true));
    ownA = await buildLibrary(folderWith({ 'crane.md': OWN }, false));
    ownB = await buildLibrary(folderWith({ 'crane.md': OWN }, false));
  });

  it('looks a speaker up in the shared library once per name, with the same result', () => {
    const lookups = vi.spyOn(shared.speakerDirectory, 'byName');
    const first = libraryView(shared, ownA, 'server');
    const looked = lookups.mock.calls.length;
    expect(looked).toBeGreaterThan(0);
    const second = libraryView(shared, ownB, 'server');
    expect(lookups.mock.calls.length).toBe(looked);
    lookups.mockRestore();
    const quotes = (view: Library) =>
      JSON.stringify(runCommand(view, 'quotes', { speaker: 'Pete Hegseth' }, 'cli').results);
    expect(quotes(second)).toBe(quotes(first));
    expect(second.speakers.map((s) => [s.id, s.name, s.statements.length])).toEqual(
      first.speakers.map((s) => [s.id, s.name, s.statements.length]),
    );
    // Hegseth of the own article is the shared Hegseth; the engineer is a new speaker.
    const hegseth = shared.speakerDirectory.byName('Pete Hegseth')[0];
    expect(second.speakerDirectory.byName('Pete Hegseth').map((s) => s.id)).toEqual([hegseth?.id]);
    expect(second.speakerDirectory.byName('Maren Dahl')[0]?.id).toBeGreaterThanOrEqual(
      shared.speakers.length,
    );
  });

  it("reads the view's sentences and statements through to both parts", () => {
    const view = libraryView(shared, ownA, 'server');
    expect(view.sentences.length).toBe(shared.sentences.length + ownA.sentences.length);
    expect(view.sentences[0]).toBe(shared.sentences[0]);
    const last = view.sentences[view.sentences.length - 1];
    expect(last?.text).toBe(ownA.sentences.at(-1)?.text);
    expect(last?.id).toBe(view.sentences.length - 1);
    expect(view.statements.filter((s) => s.article === 'crane').length).toBe(ownA.statements.length);
    expect([...view.statements].map((s) => s.id)).toEqual(view.statements.map((_, i) => i));
    expect(() => (view.sentences as unknown[]).push(null)).toThrow(/read-only/);
  });

  it('a concatenation behaves as the joined array', () => {
    const a = [1, 2, 3];
    const b = [4, 5];
    const joined = concatenation(a, b);
    expect(joined.length).toBe(5);
    expect(Array.isArray(joined)).toBe(true);
    expect([joined[0], joined[3], joined[5]]).toEqual([1, 4, undefined]);
    expect(joined.slice(2)).toEqual([3, 4, 5]);
    expect(joined.filter((x) => x % 2 === 0)).toEqual([2, 4]);
    expect(JSON.stringify(joined)).toBe('[1,2,3,4,5]');
    expect(Object.keys(joined)).toEqual(['0', '1', '2', '3', '4']);
    expect(4 in joined && !(5 in joined)).toBe(true);
    expect(() => joined.sort()).toThrow(/read-only/);
    expect(() => {
      joined[0] = 9;
    }).toThrow(/read-only/);
    expect(a).toEqual([1, 2, 3]);
  });
});
