/** `cli --help`, `cli -h` and `cli help`: the command line's own usage, derived from the command table. */
import { COMMANDS, type OptionSpec } from '../commands/definitions.js';
import type { HelpResult } from '../commands/results.js';
import { placeholder, usage } from '../commands/usage.js';

const GLOBAL_FLAGS: [string, string][] = [
  ['--data DIR', 'the articles folder (default: CITEBOT_DATA, else data/articles)'],
  ['--json', 'print one JSON object (batch: one JSON line per input line)'],
  ['--help, -h', 'this text'],
];

const BATCH: [string, string] = [
  'batch',
  'JSON Lines on stdin, e.g. {"command": "ask", "options": {"question": "…"}}; one JSON line out per line in',
];

/** Every flag a command takes, once, in table order. */
function commandFlags(): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const c of COMMANDS) {
    for (const o of c.options) {
      if (o.surfaces.includes('cli') && o.name !== c.positional && !seen.has(o.name)) seen.set(o.name, o);
    }
  }
  return [...seen.values()];
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** The usage text, without a trailing newline. */
export function cliUsage(): string {
  const commands: [string, string][] = [
    ...COMMANDS.filter((c) => c.name !== 'help').map((c): [string, string] => [
      usage(c, 'cli'),
      c.description,
    ]),
    BATCH,
    ['help', 'this text'],
  ];
  const flags: [string, string][] = [
    ...GLOBAL_FLAGS,
    ...commandFlags().map((o): [string, string] => [
      `--${o.name} ${placeholder(o)}`,
      o.min !== undefined && o.max !== undefined && !/\d/.test(o.description)
        ? `${o.description} (${o.min}-${o.max})`
        : o.description,
    ]),
  ];
  return [
    'Usage: npm run --silent cli -- [--data DIR] [--json] <command> [arguments]',
    '',
    'Commands:',
    ...table(commands),
    '',
    'Options:',
    ...table(flags),
    '',
    'Exit codes: 0 answered (no match is an answer), 2 bad input or an unknown article, 1 anything else.',
  ].join('\n');
}

/** `--json help`: the same commands as the usage text, as a help result with CLI usage lines. */
export function cliHelpResult(): HelpResult {
  return {
    kind: 'help',
    command: 'help',
    input: {},
    results: [
      ...COMMANDS.map((c) => ({ command: c.name, usage: usage(c, 'cli'), description: c.description })),
      { command: BATCH[0], usage: BATCH[0], description: BATCH[1] },
    ],
  };
}
