/**
 * Starts the HTTP interactions endpoint from the configuration, and, for a stateless replica
 * (`CITEBOT_GATEWAY=off`), registers the commands over REST as the gateway bot would on login.
 */
import { Routes } from 'discord.js';
import type { Config } from '../../config.js';
import type { FeedPoller } from '../../library/feeds.js';
import type { LibraryHolder } from '../../library/holder.js';
import type { Libraries } from '../../library/libraries.js';
import type { Logger } from '../../log.js';
import { registrationScope } from '../bot.js';
import type { Lifecycle } from '../lifecycle.js';
import { AbuseGuard } from '../rateLimit.js';
import { syncCommands } from '../registration.js';
import { createRest, type HttpInteractionsServer, startHttpServer } from './server.js';
import { publicKeyFromHex } from './verify.js';

export async function startHttpMode(
  config: Config & { DISCORD_TOKEN: string; CITEBOT_HTTP_PORT: number; DISCORD_PUBLIC_KEY: string },
  holder: LibraryHolder,
  libraries: Libraries,
  feeds: FeedPoller | null,
  logger: Logger,
  lifecycle: Lifecycle,
): Promise<HttpInteractionsServer> {
  const rest = createRest(config.DISCORD_API_URL, config.DISCORD_TOKEN);
  const server = await startHttpServer({
    host: config.CITEBOT_HTTP_HOST,
    port: config.CITEBOT_HTTP_PORT,
    publicKey: publicKeyFromHex(config.DISCORD_PUBLIC_KEY),
    holder,
    libraries,
    feeds,
    logger,
    lifecycle,
    guard: new AbuseGuard(config.CITEBOT_USER_RATE, config.CITEBOT_CHANNEL_RATE),
    rest,
  });
  if (config.CITEBOT_GATEWAY === 'off') void register(config, rest, logger);
  return server;
}

async function register(config: Config, rest: ReturnType<typeof createRest>, logger: Logger): Promise<void> {
  try {
    const applicationId =
      config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const scope = registrationScope(config);
    const changed = await syncCommands(rest, applicationId, scope);
    logger.info(
      { scope: scope.kind, changed },
      changed ? 'commands registered' : 'commands already up to date',
    );
  } catch (error) {
    logger.error({ err: error }, 'could not register the commands');
  }
}
