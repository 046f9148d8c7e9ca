/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise local console mode on the
 * articles folder.
 */
import { type Config, ConfigError, dataDir, loadConfig } from './config.js';
import { runConsole } from './console/session.js';
import { startBot } from './discord/bot.js';
import { buildLibrary } from './library.js';
import { LibraryHolder } from './libraryHolder.js';
import { createLogger } from './log.js';

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return config.DISCORD_TOKEN
    ? runDiscord({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN })
    : runLocalConsole(config);
}

async function runLocalConsole(config: Config): Promise<number> {
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

async function runDiscord(config: Config & { DISCORD_TOKEN: string }): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const holder = new LibraryHolder();
  const folder = dataDir(config);
  // The index builds while the bot logs in; interactions that arrive first are deferred.
  const building = buildLibrary(folder).then(
    (library) => {
      for (const s of library.skipped)
        logger.warn({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
      logger.info(
        { articles: library.articles.length, sentences: library.sentences.length, folder },
        'library ready',
      );
      holder.set(library);
      return true;
    },
    (error) => {
      logger.fatal({ err: error, folder }, `the articles folder ${folder} cannot be read`);
      return false;
    },
  );
  let client: Awaited<ReturnType<typeof startBot>>;
  try {
    client = await startBot({ config, holder, logger });
  } catch (error) {
    logger.fatal({ err: error }, 'could not log in to Discord');
    return 1;
  }
  if (!(await building)) {
    await client.destroy();
    return 1;
  }
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void client.destroy().finally(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
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
