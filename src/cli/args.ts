/**
 * Parses `cli [--data DIR] [--json] <command> [arguments]` (README: "Command-line interface") into a command name and raw
 * option values; validation against the command's spec happens in the runner.
 */
import { parseArgs } from 'node:util';
import { COMMANDS, commandSpec } from '../commands/definitions.js';
import { badInput } from '../commands/errors.js';

export interface CliRequest {
  data?: string;
  json: boolean;
  /** `--help` or `-h` anywhere, or the command `help` without --json: print the usage, nothing else. */
  help: boolean;
  /** Undefined only when no command was given. */
  command?: string;
  options: Record<string, unknown>;
}

/** Every --flag any command takes on the command line, as strings (values are checked later). */
const FLAGS = new Set(
  COMMANDS.flatMap((c) => c.options.filter((o) => o.surfaces.includes('cli') && o.name !== c.positional)).map(
    (o) => o.name,
  ),
);

/**
 * @example
 * parseCli(['--json', 'ask', 'Who', 'won?', '--limit', '3'])
 * // { json: true, help: false, command: 'ask', options: { question: 'Who won?', limit: '3' } }
 * @throws CommandError `bad-input` for unknown flags or stray arguments
 */
export function parseCli(argv: string[]): CliRequest {
  // Help wins over everything else on the line, even over a mistake in it.
  if (argv.includes('--help') || argv.includes('-h')) return { json: false, help: true, options: {} };
  const json = argv.includes('--json');
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        ...Object.fromEntries([...FLAGS].map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    throw badInput(cleanParseError(error));
  }
  const { data, json: _json, ...flags } = parsed.values as Record<string, string | boolean | undefined>;
  const [command, ...rest] = parsed.positionals;
  const request: CliRequest = {
    json,
    help: command === 'help' && !json,
    options: {},
    ...(typeof data === 'string' ? { data } : {}),
  };
  if (command === undefined) return request;
  request.command = command;
  if (command === 'help') return request;
  const spec = commandSpec(command);
  if (!spec) return request;
  for (const [name, value] of Object.entries(flags)) {
    const option = spec.options.find((o) => o.name === name && o.surfaces.includes('cli'));
    if (!option || option.name === spec.positional) throw badInput(`${command} has no option --${name}`);
    request.options[name] = value;
  }
  if (rest.length > 0) {
    if (!spec.positional) throw badInput(`${command} takes no argument "${rest.join(' ')}"`);
    request.options[spec.positional] = rest.join(' ');
  }
  return request;
}

/**
 * `--limit -1` as `--limit=-1`: parseArgs takes "-1" for a flag and calls the pair ambiguous, so a
 * negative number would be refused differently with and without "=". Now both are out of range.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (
      FLAGS.has(arg.replace(/^--/, '')) &&
      arg.startsWith('--') &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function cleanParseError(error: unknown): string {
  const message = String((error as Error).message ?? error).split('\n')[0] ?? 'bad arguments';
  const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1];
  if (/Unknown option/i.test(message) && flag) return `unknown option ${flag}`;
  if (/argument missing/i.test(message) && flag) return `option ${flag.split(' ')[0]} needs a value`;
  return message.replace(/\. To specify a positional argument.*$/, '');
}
