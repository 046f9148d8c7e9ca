/**
 * The Discord runtime: logs in (intents Guilds and DirectMessages, no privileged intents),
 * registers the commands where they differ, and routes interactions and DMs to their handlers.
 */
import { Client, Events, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import { Agent } from 'undici';
import type { Config } from '../config.js';
import type { FeedPoller } from '../library/feeds.js';
import type { LibraryHolder } from '../library/holder.js';
import type { Libraries } from '../library/libraries.js';
import type { Logger } from '../log.js';
import { CallbackSender } from './callback.js';
import { createDirectMessageHandler } from './directMessages.js';
import { createInteractionHandler } from './interactions.js';
import type { Lifecycle } from './lifecycle.js';
import { AbuseGuard } from './rateLimit.js';
import { type Scope, syncCommands } from './registration.js';

export interface BotOptions {
  config: Config & { DISCORD_TOKEN: string };
  holder: LibraryHolder;
  libraries: Libraries;
  feeds?: FeedPoller | null;
  logger: Logger;
  lifecycle: Lifecycle;
}

/** Sockets kept open to the Discord API for replies. */
const REST_CONNECTIONS = 16;

/**
 * The pool replies go through, discord.js's and the direct callbacks' (callback.ts) alike. Its
 * REST package types the agent with its own copy of undici (6.x); the project's (7.x, for page
 * fetching) speaks the same dispatch protocol (7 still takes 6's handlers), only the two copies'
 * FormData classes differ in type, and replies never carry files. The e2e tests send every reply
 * through this agent.
 */
function restAgent(): Agent {
  return new Agent({ connections: REST_CONNECTIONS });
}

/** A discord.js client pointed at `DISCORD_API_URL`, never allowed to mention anyone. */
export function createClient(apiUrl: string, agent: Agent = restAgent()): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // A bounded keep-alive pool: under a burst of replies the default unbounded pool opened one
    // socket per reply (a connect, and a TLS handshake against Discord, each), which cost more of a
    // 500-interaction burst than building the answers; 16 sockets measured best (8 and 32 slower).
    rest: { api: apiUrl, agent: agent as unknown as NonNullable<RESTOptions['agent']> },
    allowedMentions: { parse: [] },
    // Replies are built in the API's own snake_case form (src/discord/render.ts), so discord.js's
    // default deep copy into snake case changes nothing and cost ~8% of a burst's CPU.
    jsonTransformer: (data: unknown) => data,
  });
}

/** Where the commands go: the test guild when one is configured, else global. */
export function registrationScope(config: Pick<Config, 'DISCORD_GUILD_ID'>): Scope {
  return config.DISCORD_GUILD_ID ? { kind: 'guild', guildId: config.DISCORD_GUILD_ID } : { kind: 'global' };
}

/** Logs in and serves until the client is destroyed. */
export async function startBot(options: BotOptions): Promise<Client> {
  const { config, holder, libraries, logger, lifecycle } = options;
  const feeds = options.feeds ?? null;
  const agent = restAgent();
  const client = createClient(config.DISCORD_API_URL, agent);
  const callbacks = new CallbackSender(config.DISCORD_API_URL, agent);
  const guard = new AbuseGuard(config.CITEBOT_USER_RATE, config.CITEBOT_CHANNEL_RATE);
  client.on(
    Events.InteractionCreate,
    createInteractionHandler({ holder, libraries, feeds, logger, guard, lifecycle, callbacks }),
  );
  client.on(Events.MessageCreate, createDirectMessageHandler(libraries, logger, guard, lifecycle));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.once(Events.ClientReady, async (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'logged in');
    // With shards, one of them registers the commands.
    if (ready.shard && !ready.shard.ids.includes(0)) return;
    const applicationId = config.DISCORD_APPLICATION_ID ?? ready.application.id;
    const scope = registrationScope(config);
    try {
      const changed = await syncCommands(ready.rest, applicationId, scope);
      logger.info(
        { scope: scope.kind, ...(scope.kind === 'guild' ? { guild: scope.guildId } : {}), changed },
        changed ? 'commands registered' : 'commands already up to date',
      );
    } catch (error) {
      logger.error({ err: error }, 'could not register the commands');
    }
  });
  await client.login(config.DISCORD_TOKEN);
  return client;
}
