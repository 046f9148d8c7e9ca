/**
 * `npm run start:sharded`: the bot split over several processes with discord.js's
 * ShardingManager (Discord requires shards past 2,500 guilds). The manager builds (or checks) the
 * snapshot once, so that every shard loads the same snapshot instead of analysing the articles.
 * CITEBOT_SHARDS sets the number of shards; by default Discord's recommendation.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { cacheDir, dataDir } from './config.js';
import { configOrReport, runEntry } from './entry.js';
import { DEFAULT_CACHE_DIR, openLibrary } from './library/open.js';
import { createLogger } from './log.js';

async function main(): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  if (!config.DISCORD_TOKEN) {
    process.stderr.write(
      'DISCORD_TOKEN is not set: sharding is for the Discord bot (npm start runs the console without it).\n',
    );
    return 2;
  }
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const folder = dataDir(config);
  const cache = cacheDir(config, DEFAULT_CACHE_DIR);
  const { library, fromSnapshot } = await openLibrary(folder, {
    cacheDir: cache,
    progress: process.stderr,
    onSnapshotError: (error) => logger.warn({ err: error }, 'could not save a snapshot'),
  });
  logger.info({ articles: library.articles.length, fromSnapshot, cache }, 'snapshot ready for the shards');

  let totalShards: number;
  if (config.CITEBOT_SHARDS !== undefined) totalShards = config.CITEBOT_SHARDS;
  else {
    const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
    totalShards = Math.max(1, gateway.shards);
  }
  const bot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
  const manager = new ShardingManager(bot, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: 'process',
    execArgv: ['--import', 'tsx/esm'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id, totalShards }, 'shard started'));
  await manager.spawn({ timeout: 60_000 });
  return new Promise<number>((resolve) => {
    const stop = async (signal: string) => {
      logger.info({ signal }, 'stopping every shard');
      await Promise.all(manager.shards.map((shard) => shard.kill()));
      resolve(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

runEntry(main, 'sharded start failed');
