/**
 * Plain-text DMs (README: "Using it"): `who said …`, `summary [of …]`, `quotes by …`, `sources`, `help`;
 * anything else is a question. Messages in servers are ignored: there the bot acts only through
 * its commands.
 */
import { ChannelType, type Message } from 'discord.js';
import { isArticle } from '../commands/articles.js';
import { parsePlainRequest } from '../commands/parseText.js';
import type { LibraryHolder } from '../library/holder.js';
import { Libraries } from '../library/libraries.js';
import type { Logger } from '../log.js';
import { answer } from './answer.js';
import type { Lifecycle } from './lifecycle.js';
import type { AbuseGuard } from './rateLimit.js';
import { note, withoutFlags } from './respond.js';

/** The longest DM text read. */
const MAX_DM = 2000;
/** How many throttled DM users are remembered as already told to slow down. */
const MAX_TOLD = 10_000;

export function createDirectMessageHandler(
  holder: LibraryHolder | Libraries,
  logger: Logger,
  guard: AbuseGuard,
  lifecycle: Lifecycle,
): (message: Message) => Promise<void> {
  // Who has been told to slow down and not answered since: a flood of DMs gets one note, not one each.
  const told = new Set<string>();
  return (message) => lifecycle.track(handle(message, holder, logger, guard, lifecycle, told));
}

async function handle(
  message: Message,
  holder: LibraryHolder | Libraries,
  logger: Logger,
  guard: AbuseGuard,
  lifecycle: Lifecycle,
  told: Set<string>,
): Promise<void> {
  if (message.author.bot || message.guildId !== null || message.channel.type !== ChannelType.DM) return;
  if (lifecycle.draining) return;
  try {
    const wait = guard.check(message.author.id, message.channelId);
    if (wait > 0) {
      if (told.has(message.author.id)) return;
      // Forgetting everyone at once only costs a second note each; the set never grows unbounded.
      if (told.size >= MAX_TOLD) told.clear();
      told.add(message.author.id);
      await message.channel.send(withoutFlags(note(`Slow down: try again in ${wait} s.`, true)));
      return;
    }
    told.delete(message.author.id);
    // A DM answers from the shared library plus the person's own.
    const library =
      holder instanceof Libraries ? await holder.get(`user:${message.author.id}`) : await holder.get();
    const text = message.content.trim().slice(0, MAX_DM);
    const request =
      text === '' ? { command: 'help', options: {} } : parsePlainRequest(text, (v) => isArticle(library, v));
    const { reply } = answer(library, { ...request, page: 0, ephemeral: false }, (error, command) =>
      logger.error({ err: error, message: message.id, command }, 'command failed'),
    );
    await message.channel.send(withoutFlags(reply));
  } catch (error) {
    logger.error({ err: error, message: message.id }, 'could not answer a direct message');
  }
}
