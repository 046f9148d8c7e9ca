/** The public /who-said cases on the bundled article: every one must pass. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../src/commands/index.js';
import type { Excerpt } from '../../src/commands/results.js';
import { buildLibrary } from '../../src/library/library.js';
import { table } from './format.js';
import type { SetOptions } from './options.js';

interface SeedCases {
  article: string;
  who_said: { topic: string; speaker: string; contains: string }[];
  same_person: string[][];
  different_people: string[][];
}

export async function evalSeed(file: string, _options: SetOptions): Promise<boolean> {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as SeedCases;
  const articleFile = path.resolve(path.dirname(file), '..', cases.article);
  const library = await buildLibrary(path.dirname(articleFile));
  const rows: string[][] = [];
  let passed = 0;
  for (const c of cases.who_said) {
    const result = runCommand(library, 'who-said', { topic: c.topic }, 'cli');
    const top = result.results[0] as Excerpt | undefined;
    const pattern = new RegExp(c.speaker);
    const names = top?.speaker ? [top.speaker.name, ...top.speaker.aliases] : [];
    const ok = Boolean(top && names.some((n) => pattern.test(n)) && top.text.includes(c.contains));
    if (ok) passed++;
    rows.push([
      c.topic,
      ok ? 'pass' : 'FAIL',
      top?.speaker?.name ?? result.error?.message ?? '—',
      (top?.text ?? '').slice(0, 60),
    ]);
  }
  for (const group of cases.same_person) {
    const ids = new Set(
      group.map(
        (name) =>
          library.speakers.find((s) => [s.name, ...s.aliases].some((n) => n.split(/\s+/).includes(name)))?.id,
      ),
    );
    const ok = ids.size === 1 && !ids.has(undefined);
    if (ok) passed++;
    rows.push([`same person: ${group.join(', ')}`, ok ? 'pass' : 'FAIL', [...ids].join(', '), '']);
  }
  for (const pair of cases.different_people) {
    const ids = pair.map(
      (name) =>
        library.speakers.find((s) => [s.name, ...s.aliases].some((n) => n.split(/\s+/).includes(name)))?.id,
    );
    const ok = ids[0] !== ids[1];
    if (ok) passed++;
    rows.push([`different people: ${pair.join(', ')}`, ok ? 'pass' : 'FAIL', ids.join(' ≠ '), '']);
  }
  const total = cases.who_said.length + cases.same_person.length + cases.different_people.length;
  console.log(`\n## /who-said cases on the bundled article (${file}): ${passed}/${total} pass`);
  console.log(table(['case', 'result', 'speaker', 'top excerpt'], rows));
  return passed === total;
}
