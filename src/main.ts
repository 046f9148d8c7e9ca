/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise local console mode on the
 * articles folder. What only the bot needs (discord.js, the HTTP endpoint, feeds, the store) is
 * imported when the bot starts, so that console mode does not load it (about a second of CPU).
 */
import { sentenceCount } from './commands/sources.js';
import { type Config, cacheDir, dataDir, folderProblem, librariesDir } from './config.js';
import { runConsole } from './console/session.js';
import type { startBot } from './discord/bot.js';
import type { startHttpMode } from './discord/http/run.js';
import { configOrReport, runEntry } from './entry.js';
import { LibraryHolder } from './library/holder.js';
import { fetchAllowList, Libraries, type LibraryId, parseLibraryId } from './library/libraries.js';
import { DEFAULT_CACHE_DIR, openLibrary } from './library/open.js';
import { watchLibrary } from './library/reload.js';
import type { LibraryStorage } from './library/storage.js';
import { createLogger } from './log.js';

/** How long a shutdown waits for requests in flight. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  // CITEBOT_DATA is checked with the rest of the configuration; the default folder is checked here.
  const problem = folderProblem(dataDir(config));
  if (problem) {
    process.stderr.write(`The articles folder ${dataDir(config)} ${problem} (set CITEBOT_DATA).\n`);
    return 2;
  }
  try {
    fetchAllowList(config.CITEBOT_FETCH_ALLOW);
  } catch (error) {
    process.stderr.write(`Configuration error:\n  ${(error as Error).message}\n`);
    return 2;
  }
  return config.DISCORD_TOKEN
    ? runDiscord({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN })
    : runLocalConsole(config);
}

async function runLocalConsole(config: Config): Promise<number> {
  const folder = dataDir(config);
  const cache = cacheDir(config, DEFAULT_CACHE_DIR);
  const { library, stamps } = await openLibrary(folder, {
    cacheDir: cache,
    progress: process.stderr,
    onSnapshotError: (error) => process.stderr.write(`could not save a snapshot: ${String(error)}\n`),
  });
  for (const s of library.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  const interactive = Boolean(process.stdin.isTTY);
  const holder = new LibraryHolder();
  holder.set(library);
  const logger = createLogger('warn', []);
  // A person at the prompt sees edits to the folder; piped input answers from what was loaded.
  const reloader = interactive
    ? watchLibrary({ holder, dataDir: folder, stamps, cacheDir: cache, logger })
    : null;
  // `npm start -- --library guild:<id>`: answer as the bot does in that server (or user:<id>, DMs).
  const scope = libraryArgument(process.argv.slice(2));
  if (scope === 'bad') {
    process.stderr.write('--library must be shared, guild:<id> or user:<id>\n');
    return 2;
  }
  const libraries =
    scope && scope !== 'shared'
      ? new Libraries({
          shared: holder,
          root: librariesDir(config),
          sharedDir: folder,
          allow: fetchAllowList(config.CITEBOT_FETCH_ALLOW),
          logger,
          watch: interactive,
          cacheDir: cache,
        })
      : null;
  const answering = libraries && scope ? { get: () => libraries.get(scope) } : holder;
  const view = await answering.get();
  process.stderr.write(
    `Citebot console: ${view.articles.length} article(s), ${sentenceCount(view.sentences)} sentences from ${folder}${libraries ? ` and the ${scope} library` : ''}.\n` +
      (interactive ? 'Type /help for commands, /exit to leave.\n' : ''),
  );
  await runConsole(
    answering,
    { input: process.stdin, output: process.stdout, interactive },
    (error, command) => {
      process.stderr.write(`internal error in ${command}: ${(error as Error)?.stack ?? String(error)}\n`);
    },
  );
  reloader?.stop();
  libraries?.stop();
  return 0;
}

/** The value of `--library` (`--library L` or `--library=L`): a library id, 'bad', or null when absent. */
function libraryArgument(args: readonly string[]): LibraryId | 'bad' | null {
  const at = args.findIndex((a) => a === '--library' || a.startsWith('--library='));
  if (at < 0) return null;
  const arg = args[at] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
  return (value && parseLibraryId(value)) || 'bad';
}

async function runDiscord(config: Config & { DISCORD_TOKEN: string }): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const holder = new LibraryHolder();
  const folder = dataDir(config);
  const cache = cacheDir(config, DEFAULT_CACHE_DIR);
  let reloader: ReturnType<typeof watchLibrary> | null = null;
  // The index loads while the bot's own modules load and it logs in; interactions that arrive
  // first are deferred.
  const building = openLibrary(folder, {
    cacheDir: cache,
    progress: process.stderr,
    onSnapshotError: (error) => logger.warn({ err: error }, 'could not save a snapshot'),
  }).then(
    async ({ library, stamps, fromSnapshot }) => {
      for (const s of library.skipped)
        logger.warn({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
      // Each read command once, so that the first burst of users does not pay for first use.
      const { warmUp } = await import('./discord/warmUp.js');
      const warm = warmUp(library);
      if (warm.failed > 0) logger.warn({ failed: warm.failed }, 'a warm-up command failed');
      logger.info(
        {
          articles: library.articles.length,
          sentences: sentenceCount(library.sentences),
          folder,
          fromSnapshot,
          warmUpMs: warm.ms,
        },
        'library ready',
      );
      holder.set(library);
      reloader = watchLibrary({ holder, dataDir: folder, stamps, cacheDir: cache, logger });
      return true;
    },
    (error) => {
      logger.fatal({ err: error, folder }, `the articles folder ${folder} cannot be read`);
      return false;
    },
  );
  const [{ startBot }, { startHttpMode }, { Lifecycle }, { channelPoster }, { FeedPoller }, { openStorage }] =
    await Promise.all([
      import('./discord/bot.js'),
      import('./discord/http/run.js'),
      import('./discord/lifecycle.js'),
      import('./discord/manage.js'),
      import('./library/feeds.js'),
      import('./library/storage.js'),
    ]);
  const lifecycle = new Lifecycle();
  const shard = shardOfProcess();
  let storage: LibraryStorage;
  try {
    storage = await openStorage({
      databaseUrl: config.CITEBOT_DATABASE_URL,
      root: librariesDir(config),
      sharedDir: folder,
      logger,
    });
  } catch (error) {
    logger.fatal({ err: error }, 'could not open the PostgreSQL store (CITEBOT_DATABASE_URL)');
    return 1;
  }
  if (storage.kind === 'postgres') logger.info('server and personal libraries are in PostgreSQL');
  const libraries = new Libraries({
    shared: holder,
    root: librariesDir(config),
    sharedDir: folder,
    allow: fetchAllowList(config.CITEBOT_FETCH_ALLOW),
    logger,
    memoryBytes: config.CITEBOT_MEMORY_MB * 1024 * 1024,
    cacheDir: cache,
    ...(shard ? { shard } : {}),
    storage,
  });
  const feeds = new FeedPoller({
    libraries,
    store: storage.feeds,
    ...(storage.claimFeed ? { claim: storage.claimFeed } : {}),
    minutes: config.CITEBOT_FEED_MINUTES,
    allow: fetchAllowList(config.CITEBOT_FETCH_ALLOW),
    logger,
  });
  let client: Awaited<ReturnType<typeof startBot>> | null = null;
  let http: Awaited<ReturnType<typeof startHttpMode>> | null = null;
  const { CITEBOT_HTTP_PORT: port, DISCORD_PUBLIC_KEY: publicKey } = config;
  if (port !== undefined && publicKey !== undefined) {
    try {
      http = await startHttpMode(
        { ...config, CITEBOT_HTTP_PORT: port, DISCORD_PUBLIC_KEY: publicKey },
        holder,
        libraries,
        feeds,
        logger,
        lifecycle,
      );
    } catch (error) {
      logger.fatal(
        { err: error },
        `could not listen on ${config.CITEBOT_HTTP_HOST}:${port} (CITEBOT_HTTP_PORT)`,
      );
      return 1;
    }
  }
  if (config.CITEBOT_GATEWAY !== 'off') {
    try {
      client = await startBot({ config, holder, libraries, feeds, logger, lifecycle });
      feeds.options.post = channelPoster(client);
    } catch (error) {
      logger.fatal({ err: error }, 'could not log in to Discord');
      await http?.close();
      return 1;
    }
  }
  feeds.start();
  // Signals are handled from now on, also while the articles are still loading.
  const stopped = new Promise<number>((resolve) => {
    const stop = async (signal: string) => {
      // Turn new requests away, let the ones in flight finish, then log out.
      logger.info({ signal, inFlight: lifecycle.busy }, 'shutting down');
      reloader?.stop();
      feeds.stop();
      // /healthz says 503 at once; the endpoint listens until what is in flight is answered.
      http?.beginDrain();
      const finished = await lifecycle.drain(SHUTDOWN_GRACE_MS);
      if (!finished) logger.warn({ inFlight: lifecycle.busy }, 'gave up waiting for requests in flight');
      const closing = http?.close();
      http?.server.closeAllConnections();
      await closing;
      libraries.stop();
      await storage.close().catch((error) => logger.warn({ err: error }, 'could not close the store'));
      if (client) {
        await client.destroy();
        logger.info('logged out');
      }
      resolve(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
  const ready = await Promise.race([building, stopped.then(() => 'stopped' as const)]);
  if (ready === 'stopped') return 0;
  if (!ready) {
    await client?.destroy();
    await http?.close();
    return 1;
  }
  return stopped;
}

/**
 * This process's shard when `npm run start:sharded` spawned it (discord.js's ShardingManager sets
 * SHARDS and SHARD_COUNT): it loads and polls only its own servers' libraries.
 */
function shardOfProcess(): { id: number; count: number } | undefined {
  const id = Number(process.env.SHARDS);
  const count = Number(process.env.SHARD_COUNT);
  if (!process.env.SHARDING_MANAGER || !Number.isInteger(id) || !Number.isInteger(count) || count < 2)
    return undefined;
  return { id, count };
}

runEntry(main);
