/**
 * `npm run eval`: answer quality on the development sets in ../shared/eval (or CITEBOT_EVAL_DIR),
 * next to the published anchors and the issue's targets. See {@link USAGE}.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import { evalCnndm } from './eval/cnndm.js';
import { evalE2e } from './eval/e2e.js';
import { evalGgt } from './eval/ggt.js';
import { evalGum, GUM_FILES } from './eval/gum.js';
import type { SetOptions } from './eval/options.js';
import { evalPolnear } from './eval/polnear.js';
import { evalSeed } from './eval/seed.js';
import type { Half } from './eval/split.js';

const USAGE = `Usage: npm run eval -- [set ...] [--verbose] [--half tuning|checking]

Sets (default: all but polnear-dev/polnear-train, which "polnear" covers):
  seed           the /who-said cases on the bundled article
  ggt            GGT dev 20: quote P/R/F1, speaker right/wrong/none, recall by layout (check set)
  polnear        PolNeAR dev (check set) and train tuning/checking halves, side by side
  polnear-dev    PolNeAR dev only
  polnear-train  PolNeAR train halves only
  e2e            /who-said top-1 on topics from gold quotes (GGT, PolNeAR train-checking)
  gum            pronoun coreference on GUM (../gum): tuning = GUM train, checking = dev + test
  cnndm          /summary at 3 sentences vs Lead-3, ROUGE
  pages          article extraction from saved news pages (../pages): word recall, precision, titles

Options:
  -v, --verbose  list the misses of the chosen sets after their figures
  --half H       which half of PolNeAR train the misses are listed for: tuning (default) or
                 checking (a check: measure it, do not write rules from it)
  -h, --help     this text

The data folder is ../shared/eval next to the project, or CITEBOT_EVAL_DIR. Exit code 0 unless a
set crashes (targets missed are printed, not failed). Tuning-half misses to a file:
  npm run eval -- polnear-train --verbose --half tuning > /tmp/polnear-tuning-misses.txt`;

const SET_NAMES = ['seed', 'ggt', 'polnear', 'polnear-dev', 'polnear-train', 'e2e', 'gum', 'cnndm', 'pages'];
const DEFAULT_SETS = ['seed', 'ggt', 'polnear', 'e2e', 'gum', 'cnndm', 'pages'];

/** A set: it asks for its files through `find`, and gives what to run, or null when it has no files. */
type SetRun = (find: (file: string) => string | null, options: SetOptions) => (() => Promise<unknown>) | null;

const one =
  (file: string, run: (path: string, options: SetOptions) => Promise<unknown>): SetRun =>
  (find, options) => {
    const found = find(file);
    return found ? () => run(found, options) : null;
  };

const SETS: { name: string; chosen: (wanted: ReadonlySet<string>) => boolean; run: SetRun }[] = [
  { name: 'seed', chosen: (w) => w.has('seed'), run: one('seed-who-said.json', evalSeed) },
  { name: 'ggt', chosen: (w) => w.has('ggt'), run: one('ggt-dev-20.jsonl', evalGgt) },
  {
    name: 'polnear',
    chosen: (w) => w.has('polnear') || w.has('polnear-dev') || w.has('polnear-train'),
    run: (find, options) => {
      const wanted = options.sets;
      const dev = wanted.has('polnear') || wanted.has('polnear-dev') ? find('polnear-dev.jsonl') : null;
      const train = wanted.has('polnear') || wanted.has('polnear-train') ? find('polnear-train.jsonl') : null;
      return dev || train ? () => evalPolnear({ dev, train }, options) : null;
    },
  },
  {
    name: 'e2e',
    chosen: (w) => w.has('e2e'),
    run: (find, options) => {
      const ggt = find('ggt-dev-20.jsonl');
      const polnearTrain = find('polnear-train.jsonl');
      return ggt || polnearTrain ? () => evalE2e({ ggt, polnearTrain }, options) : null;
    },
  },
  {
    name: 'gum',
    chosen: (w) => w.has('gum'),
    run: (find, options) => {
      const files = GUM_FILES.map((f) => find(path.join('..', 'gum', f))).filter(
        (f): f is string => f !== null,
      );
      return files.length > 0 ? () => evalGum(files, options) : null;
    },
  },
  {
    name: 'cnndm',
    chosen: (w) => w.has('cnndm'),
    run: one('cnndm-dev-75.jsonl', (f, o) => evalCnndm(f, o.verbose)),
  },
  {
    name: 'pages',
    chosen: (w) => w.has('pages'),
    run: (find, options) => {
      const dir = find('../pages');
      return dir ? async () => (await import('./eval/pages.js')).evalPages(dir, options.verbose) : null;
    },
  },
];

/** Options from the command line, or the line to exit with. */
function readArguments(argv: string[]): SetOptions | { exit: number } {
  const fail = (message: string) => {
    console.error(`eval: ${message}\n\n${USAGE}`);
    return { exit: 2 };
  };
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const message = (error as Error).message;
    const option = /option '([^']+)'/i.exec(message)?.[1];
    return fail(option ? `unknown option ${option}` : (message.split('. ')[0] ?? message));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  const unknown = positionals.filter((p) => !SET_NAMES.includes(p));
  if (unknown.length > 0) return fail(`unknown set ${unknown.map((u) => `"${u}"`).join(', ')}`);
  const half = values.half ?? 'tuning';
  if (half !== 'tuning' && half !== 'checking')
    return fail(`--half must be tuning or checking, not "${half}"`);
  return {
    verbose: values.verbose ?? false,
    half: half as Half,
    sets: new Set(positionals.length > 0 ? positionals : DEFAULT_SETS),
  };
}

const OPTIONS = {
  verbose: { type: 'boolean', short: 'v' },
  half: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  const options = readArguments(argv);
  if ('exit' in options) return options.exit;
  const dir = path.resolve(process.env.CITEBOT_EVAL_DIR ?? path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
  const dirFound = existsSync(dir);
  if (!dirFound)
    console.log(
      `The evaluation folder was expected at ${dir} and is not there: set CITEBOT_EVAL_DIR to the folder that holds the files.`,
    );
  let crashed = false;
  for (const set of SETS) {
    if (!set.chosen(options.sets)) continue;
    const missing: string[] = [];
    const find = (file: string) => {
      const full = path.join(dir, file);
      if (existsSync(full)) return full;
      missing.push(full);
      return null;
    };
    const started = Date.now();
    try {
      const run = set.run(find, options);
      if (!run) {
        console.log(
          `\n## ${set.name}: skipped, ${dirFound ? `${missing.join(', ')} not found` : 'no data folder'}`,
        );
        continue;
      }
      if (missing.length > 0) console.log(`\n(${set.name}: ${missing.join(', ')} not found, left out)`);
      await run();
      console.log(`(${set.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      crashed = true;
      console.error(`\n## ${set.name}: crashed`);
      console.error(error);
    }
  }
  return crashed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
