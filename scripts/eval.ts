/**
 * `npm run eval`: answer quality on the development sets in ../shared/eval (or CITEBOT_EVAL_DIR),
 * next to the published anchors. Sets that are missing are reported and skipped.
 *
 *   npm run eval                   every set
 *   npm run eval -- ggt seed       some sets (seed, ggt, polnear, cnndm)
 *   npm run eval -- ggt --verbose  also list each miss
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import { evalCnndm } from './eval/cnndm.js';
import { evalGgt } from './eval/ggt.js';
import { evalPolnear } from './eval/polnear.js';
import { evalSeed } from './eval/seed.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean' } },
});
const dir = path.resolve(process.env.CITEBOT_EVAL_DIR ?? path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
const wanted = new Set(positionals.length > 0 ? positionals : ['seed', 'ggt', 'polnear', 'cnndm']);
const verbose = values.verbose ?? false;

const sets: [string, string, (file: string, verbose: boolean) => Promise<boolean>][] = [
  ['seed', 'seed-who-said.json', evalSeed],
  ['ggt', 'ggt-dev-20.jsonl', evalGgt],
  ['polnear', 'polnear-dev.jsonl', evalPolnear],
  ['cnndm', 'cnndm-dev-75.jsonl', evalCnndm],
  ['pages', '../pages', async (dir, verbose) => (await import('./eval/pages.js')).evalPages(dir, verbose)],
];

let failed = false;
for (const [name, file, run] of sets) {
  if (!wanted.has(name)) continue;
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    console.log(`\n## ${name}: skipped, ${full} not found`);
    continue;
  }
  if (!(await run(full, verbose))) failed = true;
}
process.exitCode = failed ? 1 : 0;
