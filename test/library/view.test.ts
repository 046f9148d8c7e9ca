/**
 * A library view (shared + own, searched where they are) answers as a library built from both
 * sets of articles at once: the same articles in the same order, the same citations, one speaker
 * for one person across both parts, consistent ids; and it copies nothing of the shared library.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { libraryView } from '../../src/library/view.js';
import { SEED_FILE, SEED_ID } from '../support/library.js';

// Invented articles: one quotes the bundled article's main speaker, one a new speaker.
const OWN_A = `---
title: Ferry timetable changes for the winter
published: 2026-11-20
---
The harbour ferry will run every forty minutes from December, the port authority said on Monday.

"We cannot keep the summer timetable with half the crew," said harbour master Ingrid Solberg, who has run the port for nine years.

Solberg said the authority would review the timetable in March after counting passengers on every crossing.

Defense Secretary Pete Hegseth said on Monday that the naval yard next to the ferry terminal would stay open through the winter.
`;

const OWN_B = `---
title: Lighthouse museum reopens after repairs
published: 2026-11-22
---
The lighthouse museum reopened on Saturday after eight months of repairs to its tower and stairs.

"The stairs were older than anyone living in the town," said museum director Tomas Lindqvist, who led the fundraising.

Lindqvist said about two thousand visitors came in the first weekend, more than the museum had expected for the whole month.
`;

function folderWith(files: Record<string, string>, seed: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-view-'));
  if (seed) copyFileSync(SEED_FILE, path.join(dir, `${SEED_ID}.md`));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

type Out = ReturnType<typeof runCommand>;
const citations = (out: Out) =>
  (out.results as { citation?: { article: string; start: number; end: number } }[]).map(
    (r) => `${r.citation?.article}@${r.citation?.start}-${r.citation?.end}`,
  );
const speakersOf = (out: Out) =>
  (out.results as { speaker?: { name: string } | null }[]).map((r) => r.speaker?.name ?? null);

describe('library view', () => {
  let shared: Library;
  let own: Library;
  let combined: Library;
  let view: Library;

  beforeAll(async () => {
    const files = { 'ferry-winter.md': OWN_A, 'lighthouse-museum.md': OWN_B };
    [shared, own, combined] = await Promise.all([
      buildLibrary(folderWith({}, true)),
      buildLibrary(folderWith(files, false)),
      buildLibrary(folderWith(files, true)),
    ]);
    view = libraryView(shared, own, 'server');
  }, 60_000);

  it('holds the shared articles then its own, marked with their library', () => {
    expect(view.articles.map((a) => a.id)).toEqual([SEED_ID, 'ferry-winter', 'lighthouse-museum']);
    const sources = runCommand(view, 'sources', {}, 'any');
    expect((sources.results as { library: string }[]).map((r) => r.library)).toEqual([
      'shared',
      'server',
      'server',
    ]);
    expect(view.articleById.size).toBe(3);
    expect([...view.articleById.keys()]).toEqual(view.articles.map((a) => a.id));
  });

  it('gives every sentence, statement and speaker one consistent id', () => {
    expect(view.sentences.map((s) => s.id)).toEqual(view.sentences.map((_, i) => i));
    view.statements.forEach((st, i) => {
      expect(st.id).toBe(i);
      expect(view.statementsAt(st.firstSentence)).toContain(st.id);
      expect(view.sentences[st.firstSentence]?.article).toBe(st.article);
      if (st.speaker !== null) expect(view.speakers[st.speaker]?.statements).toContain(st.id);
    });
    expect(view.speakers.map((s) => s.id)).toEqual(view.speakers.map((_, i) => i));
    for (const a of view.articles) for (const s of a.sentences) expect(view.sentences[s.id]).toBe(s);
    expect(view.sentences).toHaveLength(combined.sentences.length);
    expect(view.statements).toHaveLength(combined.statements.length);
  });

  it('copies nothing of the shared library', () => {
    expect(view.sentences.slice(0, shared.sentences.length).every((s, i) => s === shared.sentences[i])).toBe(
      true,
    );
    expect(view.articles[0]).toBe(shared.articles[0]);
    // The shared library is untouched: its speakers do not gain the server's statements.
    const hegseth = shared.speakerDirectory.byName('Hegseth')[0];
    expect(hegseth?.statements.every((id) => id < shared.statements.length)).toBe(true);
  });

  it('answers /quotes for one person from both parts under one speaker, as a combined library does', () => {
    const fromView = runCommand(view, 'quotes', { speaker: 'Hegseth' }, 'any');
    const fromCombined = runCommand(combined, 'quotes', { speaker: 'Hegseth' }, 'any');
    expect(citations(fromView)).toEqual(citations(fromCombined));
    expect(citations(fromView).some((c) => c.startsWith('ferry-winter@'))).toBe(true);
    expect(new Set(speakersOf(fromView)).size).toBe(1);
    const all = runCommand(view, 'quotes', {}, 'any');
    expect(citations(all)).toEqual(citations(runCommand(combined, 'quotes', {}, 'any')));
  });

  it('finds the same answers for ask, who-said, find-source and summary', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['ask', { question: 'How often will the ferry run?' }],
      ['ask', { question: 'NATO membership for Ukraine' }],
      ['who-said', { topic: 'winter timetable' }],
      ['who-said', { topic: 'NATO membership' }],
      ['who-said', { topic: 'stairs' }],
      ['find-source', { text: 'the stairs are older than anybody alive in town' }],
      ['summary', { article: 'ferry-winter', sentences: 2 }],
      ['summary', { focus: 'ferry' }],
      ['quotes', { speaker: 'Solberg' }],
    ];
    for (const [command, options] of cases) {
      const a = runCommand(view, command, options, 'any');
      const b = runCommand(combined, command, options, 'any');
      // Each part ranks with its own BM25 statistics, so near ties may swap; the answers are the same.
      expect({ command, options, top: citations(a).slice(0, 5).sort() }).toEqual({
        command,
        options,
        top: citations(b).slice(0, 5).sort(),
      });
      expect(new Set(speakersOf(a).slice(0, 5))).toEqual(new Set(speakersOf(b).slice(0, 5)));
    }
  });

  it('suggests speakers of both parts with their counts over both', () => {
    const choices = view.speakerDirectory.suggest('he');
    const merged = view.speakerDirectory.byName('Hegseth');
    expect(merged).toHaveLength(1);
    const name = merged[0]?.name as string;
    // One choice for the person, counting the statements of both parts.
    expect(choices.filter((c) => /Hegse/.test(c.value)).map((c) => c.name)).toEqual([
      `${name} (${merged[0]?.statements.length})`,
    ]);
    expect(merged[0]?.statements.length).toBe(
      (shared.speakerDirectory.byName('Hegseth')[0]?.statements.length ?? 0) + 1,
    );
    expect(view.speakerDirectory.suggest('Lindq').map((c) => c.value)).toEqual(['Tomas Lindqvist']);
    expect(shared.speakerDirectory.suggest('Lindq')).toEqual([]);
  });

  it('leaves out an own article whose id the shared library has', async () => {
    const clashing = await buildLibrary(folderWith({ [`${SEED_ID}.md`]: OWN_B }, false));
    const v = libraryView(shared, clashing, 'server');
    expect(v.articles.map((a) => a.id)).toEqual([SEED_ID]);
    const out = runCommand(v, 'who-said', { topic: 'stairs' }, 'any');
    expect(JSON.stringify(out.results)).not.toMatch(/Lindqvist/);
  });
});
