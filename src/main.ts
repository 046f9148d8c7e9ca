/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise local console mode on the
 * articles folder.
 */
import { ConfigError, dataDir, loadConfig } from './config.js';
import { runConsole } from './console/session.js';
import { buildLibrary } from './library.js';

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.DISCORD_TOKEN) {
    process.stderr.write('Discord mode is not available yet; unset DISCORD_TOKEN for console mode.\n');
    return 1;
  }
  const folder = dataDir(config);
  const library = await buildLibrary(folder);
  for (const s of library.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  const interactive = Boolean(process.stdin.isTTY);
  process.stderr.write(
    `Citebot console: ${library.articles.length} article(s), ${library.sentences.length} sentences from ${folder}.\n` +
      (interactive ? 'Type /help for commands, /exit to leave.\n' : ''),
  );
  await runConsole(
    library,
    { input: process.stdin, output: process.stdout, interactive },
    (error, command) => {
      process.stderr.write(`internal error in ${command}: ${(error as Error)?.stack ?? String(error)}\n`);
    },
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
