/**
 * `npx tsx scripts/train/speakingHeads.ts`: counts, for each common noun that heads a mention in
 * GUM's training documents, how often GUM types the mention a person, how often an organisation, and
 * writes the counts to src/attribution/speakingHeads.json. Attribution reads them to tell a noun
 * that can speak ("the coach", "the ministry") from one that cannot ("the game", "recipes").
 *
 * Only GUM's CC BY genres (news, interviews, academic, court), train split: the dev and test
 * documents stay a check. Trained on GUM (Zeldes 2017; annotations CC BY 4.0,
 * https://gucorpling.org/gum/); texts from Wikinews (CC BY 2.5) and CC BY 4.0 academic and court
 * sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mentionHead } from '../../src/attribution/speakingHeads.js';
import { PROJECT_ROOT } from '../../src/config.js';

interface GumEntity {
  start: number;
  end: number;
  type: string;
}
interface GumDocument {
  split: string;
  text: string;
  entities: GumEntity[];
}

const GENRES = ['news', 'interview', 'academic', 'court'];

const gumDir = process.env.CITEBOT_GUM_DIR ?? path.join(PROJECT_ROOT, '..', 'shared', 'gum');
/** Per head noun: mentions typed person, typed organisation, all. */
const counts = new Map<string, [number, number, number]>();
for (const genre of GENRES) {
  const lines = readFileSync(path.join(gumDir, `gum-${genre}.jsonl`), 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as GumDocument;
    if (doc.split !== 'train') continue;
    for (const e of doc.entities) {
      const head = mentionHead(doc.text.slice(e.start, e.end));
      if (!head) continue;
      const c = counts.get(head) ?? [0, 0, 0];
      if (e.type === 'person') c[0]++;
      if (e.type === 'organization') c[1]++;
      c[2]++;
      counts.set(head, c);
    }
  }
}
// Nouns seen at least twice: [person, organisation, all].
const kept = Object.fromEntries(
  [...counts].filter(([, [, , all]]) => all >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
const out = path.join(PROJECT_ROOT, 'src', 'attribution', 'speakingHeads.json');
writeFileSync(out, `${JSON.stringify(kept)}\n`);
console.log(`${Object.keys(kept).length} head nouns written to ${out}; then npx biome format --write ${out}`);
