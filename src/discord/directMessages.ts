/**
 * Plain-text DMs (CONTRACT §5): `who said …`, `summary [of …]`, `quotes by …`, `sources`, `help`;
 * anything else is a question. Messages in servers are ignored: there the bot acts only through
 * its commands.
 */
import { ChannelType, type Message } from 'discord.js';
import { isArticle } from '../commands/articles.js';
import { parsePlainRequest } from '../commands/parseText.js';
import type { LibraryHolder } from '../libraryHolder.js';
import type { Logger } from '../log.js';
import { answer } from './answer.js';

/** The longest DM text read. */
const MAX_DM = 2000;

export function createDirectMessageHandler(
  holder: LibraryHolder,
  logger: Logger,
): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || message.guildId !== null || message.channel.type !== ChannelType.DM) return;
    try {
      const library = await holder.get();
      const text = message.content.trim().slice(0, MAX_DM);
      const request =
        text === ''
          ? { command: 'help', options: {} }
          : parsePlainRequest(text, (v) => isArticle(library, v));
      const { reply } = answer(library, { ...request, page: 0, ephemeral: false }, (error, command) =>
        logger.error({ err: error, message: message.id, command }, 'command failed'),
      );
      const { flags: _flags, ...body } = reply;
      await message.channel.send(body);
    } catch (error) {
      logger.error({ err: error, message: message.id }, 'could not answer a direct message');
    }
  };
}
