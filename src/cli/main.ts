/**
 * The command-line interface (README: "Command-line interface"): one command, or `batch` over JSON Lines on stdin.
 * Results go to stdout; skipped files and diagnostics to stderr.
 */

import { CommandError, exitCodeFor } from '../commands/errors.js';
import { failed } from '../commands/index.js';
import { runScoped } from '../commands/manage.js';
import type { CommandResult } from '../commands/results.js';
import { ConfigError, cacheDir, dataDir, librariesDir, loadConfig, processEnv } from '../config.js';
import { runEntry } from '../entry.js';
import { LibraryHolder } from '../library/holder.js';
import { fetchAllowList, Libraries } from '../library/libraries.js';
import type { Library } from '../library/library.js';
import { DEFAULT_CACHE_DIR, openLibrary } from '../library/open.js';
import { type LibraryStorage, openStorage } from '../library/storage.js';
import { createLogger } from '../log.js';
import { toJson } from '../render/json.js';
import { toText } from '../render/text.js';
import { parseCli } from './args.js';
import { runBatch } from './batch.js';
import { cliHelpResult, cliUsage } from './help.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  let request: ReturnType<typeof parseCli>;
  try {
    request = parseCli(argv);
  } catch (error) {
    if (error instanceof CommandError) return report(failure(null, error), json);
    throw error;
  }
  if (request.help) {
    process.stdout.write(`${cliUsage()}\n`);
    return 0;
  }
  if (request.command === 'help') return report(cliHelpResult(), json);
  if (!request.command) {
    return report(
      failure(
        null,
        new CommandError(
          'bad-input',
          'no command given (try: sources, ask, who-said, quotes, find-source, summary, batch; --help lists them)',
        ),
      ),
      json,
    );
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    // --data replaces CITEBOT_DATA, so a stale CITEBOT_DATA does not stop it.
    config = loadConfig(request.data === undefined ? processEnv() : { ...processEnv(), CITEBOT_DATA: '' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return report(failure(request.command, new CommandError('bad-input', error.message)), json);
  }
  let allow: ReturnType<typeof fetchAllowList>;
  try {
    allow = fetchAllowList(config.CITEBOT_FETCH_ALLOW);
  } catch (error) {
    return report(failure(request.command, new CommandError('bad-input', (error as Error).message)), json);
  }
  let library: Library;
  const folder = dataDir(config, request.data);
  try {
    ({ library } = await openLibrary(folder, {
      cacheDir: cacheDir(config, DEFAULT_CACHE_DIR),
      progress: process.stderr,
      onSnapshotError: (error) => process.stderr.write(`could not save a snapshot: ${String(error)}\n`),
    }));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return report(
      failure(request.command, new CommandError('bad-input', `data folder ${folder} ${reason}`)),
      json,
    );
  }
  for (const s of library.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  const holder = new LibraryHolder();
  holder.set(library);
  const logger = createLogger('warn', []);
  let storage: LibraryStorage;
  try {
    storage = await openStorage({
      databaseUrl: config.CITEBOT_DATABASE_URL,
      root: librariesDir(config),
      sharedDir: folder,
      logger,
    });
  } catch (error) {
    return report(
      failure(
        request.command,
        new CommandError(
          'internal',
          `the PostgreSQL store (CITEBOT_DATABASE_URL) cannot be reached: ${(error as Error).message}`,
        ),
      ),
      json,
    );
  }
  const libraries = new Libraries({
    shared: holder,
    root: librariesDir(config),
    sharedDir: folder,
    allow,
    logger,
    watch: false,
    cacheDir: cacheDir(config, DEFAULT_CACHE_DIR),
    storage,
  });
  if (request.command === 'batch') {
    if (Object.keys(request.options).length > 0) {
      return report(
        failure(
          'batch',
          new CommandError('bad-input', 'batch takes its commands on stdin, one JSON object per line'),
        ),
        json,
      );
    }
    await runBatch(
      (command, options) => runScoped(libraries, command, options, 'any', logInternal),
      process.stdin,
      (line) => process.stdout.write(`${line}\n`),
    );
    libraries.stop();
    await storage.close();
    return 0;
  }
  const result = await runScoped(libraries, request.command, request.options, 'cli', logInternal);
  libraries.stop();
  await storage.close();
  return report(result, json);
}

/** A failure before the command could run, echoing the command as asked. */
function failure(command: string | null, error: CommandError): CommandResult {
  return failed(command, {}, { code: error.code, message: error.message });
}

function report(result: CommandResult, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(toJson(result))}\n`);
  else if (result.error) process.stderr.write(`${toText(result)}\n`);
  else process.stdout.write(`${toText(result)}\n`);
  return exitCodeFor(result.error?.code);
}

function logInternal(error: unknown, command: string): void {
  process.stderr.write(`internal error in ${command}: ${(error as Error)?.stack ?? String(error)}\n`);
}

runEntry(() => main(process.argv.slice(2)));
