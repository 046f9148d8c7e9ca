/**
 * /add, /remove, /feeds and the Add article menu (CONTRACT §6): they change the library of where
 * they are asked (the server's, or the person's own in DMs). Refusals are private one-sentence
 * replies; nothing is written on any of them.
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { runCommand } from '../commands/index.js';
import { sourceEntry } from '../commands/manage.js';
import type { FeedPoller } from '../library/feeds.js';
import {
  type AddInput,
  FILE_TYPES,
  type Libraries,
  type LibraryId,
  libraryOf,
} from '../library/libraries.js';
import type { Logger } from '../log.js';
import { suggestArticles } from '../retrieval/suggest.js';
import { SourceError } from '../sources/errors.js';
import { WriteError } from '../sources/folder.js';
import { escapeToFit, LIMITS, truncate } from './limits.js';
import { renderReply } from './render.js';
import { note, withoutFlags } from './respond.js';

export interface ManageDeps {
  libraries: Libraries;
  feeds?: FeedPoller | null;
  logger: Logger;
}

const MAX_FILE = 5 * 1024 * 1024;
const MANAGED = new Set(['add', 'remove', 'feeds']);

export function isManageCommand(name: string): boolean {
  return MANAGED.has(name);
}

/** The library an interaction is asked in. */
export function whereAsked(interaction: Interaction): LibraryId {
  return libraryOf({ guild: interaction.guildId, user: interaction.user.id });
}

function libraryName(id: LibraryId): string {
  return id.startsWith('guild:') ? 'this server’s library' : 'your personal library';
}

/** A refusal or failure as a private sentence; unexpected errors are logged. */
function problem(error: unknown, deps: ManageDeps, interaction: Interaction): string {
  if (error instanceof SourceError) return error.message;
  if (error instanceof WriteError) {
    deps.logger.error({ err: error.cause ?? error, interaction: interaction.id }, 'library write failed');
    return error.message;
  }
  deps.logger.error({ err: error, interaction: interaction.id }, 'adding failed');
  return 'Sorry, something went wrong while adding that. It has been logged.';
}

/** Sends a private refusal after a deferred reply (public or not). */
async function refuse(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  text: string,
  ephemeral: boolean,
): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(note(text));
    return;
  }
  if (ephemeral) {
    await interaction.editReply(withoutFlags(note(text)));
    return;
  }
  await interaction.deleteReply().catch(() => {});
  await interaction.followUp(note(text));
}

/** Reads an attachment's bytes from Discord's CDN, with a size cap and a time limit. */
async function attachmentBytes(url: string, size: number): Promise<Uint8Array> {
  if (size > MAX_FILE) throw new SourceError('bad-input', 'The file is larger than 5 MiB.');
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new SourceError('fetch-failed', 'The file could not be downloaded from Discord.');
  }
  if (!response.ok) throw new SourceError('fetch-failed', 'The file could not be downloaded from Discord.');
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_FILE) throw new SourceError('bad-input', 'The file is larger than 5 MiB.');
  return bytes;
}

function attachmentAllowed(name: string): boolean {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  return (FILE_TYPES as readonly string[]).includes(ext);
}

/** Adds, then replies with the title, the counts and up to three statements, cited. */
async function addAndReply(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  deps: ManageDeps,
  input: () => Promise<AddInput>,
  ephemeral: boolean,
): Promise<void> {
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const id = whereAsked(interaction);
  let outcome: Awaited<ReturnType<Libraries['add']>>;
  try {
    outcome = await deps.libraries.add(id, await input());
  } catch (error) {
    await refuse(interaction, problem(error, deps, interaction), ephemeral);
    return;
  }
  const entry = sourceEntry(outcome.library, outcome.article);
  const title = entry?.title ?? outcome.article;
  const counts = entry ? ` ${entry.sentences} sentences, ${entry.statements} statements.` : '';
  const notice = outcome.added
    ? `Added “${title}” to ${libraryName(id)}.${counts}`
    : `“${title}” is already in ${libraryName(id)}.${counts}`;
  const options = { article: outcome.article };
  const result = runCommand(outcome.library, 'quotes', { ...options, limit: 3 }, 'any');
  if (result.kind === 'failed') {
    await interaction.editReply(withoutFlags(note(notice, true)));
    return;
  }
  const { reply } = renderReply(
    { ...result, notice },
    { page: 0, ephemeral, query: { command: 'quotes', options } },
  );
  // Three statements fit one page: no page buttons.
  await interaction.editReply(withoutFlags({ ...reply, components: [] }));
}

export async function manageCommand(
  interaction: ChatInputCommandInteraction,
  deps: ManageDeps,
): Promise<void> {
  const name = interaction.commandName;
  if (name === 'add') {
    const url = interaction.options.getString('url');
    const file = interaction.options.getAttachment('file');
    const ephemeral = interaction.options.getBoolean('private') === true;
    if ((url === null) === (file === null)) {
      await interaction.reply(note('Give exactly one of url or file.'));
      return;
    }
    if (file && !attachmentAllowed(file.name)) {
      await interaction.reply(note('Only .html, .htm, .md and .txt files can be added.'));
      return;
    }
    await addAndReply(
      interaction,
      deps,
      async () =>
        url !== null
          ? { url }
          : {
              file: {
                name: file?.name ?? 'file.txt',
                bytes: await attachmentBytes(file?.url ?? '', file?.size ?? 0),
              },
            },
      ephemeral,
    );
    return;
  }
  if (name === 'remove') {
    const id = whereAsked(interaction);
    const typed = interaction.options.getString('article', true).trim();
    const own = await deps.libraries.own(id);
    const article =
      own.articleById.get(typed) ??
      own.articles.find((a) => a.meta.title.toLowerCase() === typed.toLowerCase());
    if (!article) {
      await interaction.reply(note(`There is no article “${truncate(typed, 200)}” in ${libraryName(id)}.`));
      return;
    }
    try {
      await deps.libraries.remove(id, article.id);
    } catch (error) {
      await interaction.reply(note(problem(error, deps, interaction)));
      return;
    }
    await interaction.reply(
      note(`Removed “${escapeToFit(article.meta.title, 300)}” from ${libraryName(id)}.`),
    );
    return;
  }
  if (name === 'feeds') await feedsCommand(interaction, deps);
}

async function feedsCommand(interaction: ChatInputCommandInteraction, deps: ManageDeps): Promise<void> {
  const feeds = deps.feeds;
  const id = whereAsked(interaction);
  if (!feeds) {
    await interaction.reply(note('Feeds are not available here.'));
    return;
  }
  const sub = interaction.options.getSubcommand();
  if (sub === 'list') {
    const list = await feeds.list(id);
    const lines = list.map(
      (f) =>
        `• ${escapeToFit(f.url, 300)}${f.channel ? ` → <#${f.channel}>` : ''}\n  last success: ${f.lastSuccess ?? 'never'}; last error: ${f.lastError ? escapeToFit(f.lastError, 300) : 'none'}`,
    );
    const text =
      lines.length > 0
        ? `Feeds of ${libraryName(id)}:\n${lines.join('\n')}`
        : `No feeds in ${libraryName(id)}.`;
    await interaction.reply(note(truncate(text, LIMITS.content)));
    return;
  }
  const url = interaction.options.getString('url', true);
  if (sub === 'remove') {
    const removed = await feeds.unsubscribe(id, url);
    await interaction.reply(
      note(
        removed
          ? `Unsubscribed from ${escapeToFit(url, 500)}.`
          : `${libraryName(id)} has no feed ${escapeToFit(url, 500)}.`,
      ),
    );
    return;
  }
  const channel = interaction.options.getChannel('channel')?.id ?? null;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const { added } = await feeds.subscribe(id, url, channel);
    await interaction.editReply(
      withoutFlags(
        note(`Subscribed ${libraryName(id)} to ${escapeToFit(url, 500)}: ${added} article(s) added.`),
      ),
    );
  } catch (error) {
    await interaction.editReply(withoutFlags(note(problem(error, deps, interaction))));
  }
}

/** The message menu Add article: the first attachment of a kind we take, else the first link. */
export async function addArticleMenu(
  interaction: MessageContextMenuCommandInteraction,
  deps: ManageDeps,
): Promise<void> {
  const message = interaction.targetMessage;
  const file = [...message.attachments.values()].find((a) => attachmentAllowed(a.name));
  const link = /https?:\/\/[^\s<>()]+/i.exec(message.content)?.[0]?.replace(/[.,;:!?'"”’)\]]+$/, '');
  if (!file && !link) {
    await interaction.reply(note('That message has no link or .html, .htm, .md or .txt attachment to add.'));
    return;
  }
  await addAndReply(
    interaction,
    deps,
    async () =>
      file
        ? { file: { name: file.name, bytes: await attachmentBytes(file.url, file.size) } }
        : { url: link as string },
    false,
  );
}

/** Autocomplete for /remove (only the library's own articles) and /feeds remove (its feeds). */
export async function manageAutocomplete(
  interaction: AutocompleteInteraction,
  deps: ManageDeps,
): Promise<{ name: string; value: string }[]> {
  const id = whereAsked(interaction);
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value ?? '');
  if (interaction.commandName === 'remove' && focused.name === 'article') {
    const own = deps.libraries.ownCurrent(id);
    return own ? suggestArticles(own.articles, typed) : [];
  }
  if (interaction.commandName === 'feeds' && focused.name === 'url' && deps.feeds) {
    const list = await deps.feeds.list(id);
    return list
      .filter((f) => f.url.toLowerCase().includes(typed.toLowerCase()) && f.url.length <= 100)
      .slice(0, 25)
      .map((f) => ({ name: f.url, value: f.url }));
  }
  return [];
}

/** Posts a feed's `Indexed: <title>` in a channel: the title escaped, no mentions. */
export function channelPoster(
  client: import('discord.js').Client,
): (channel: string, text: string) => Promise<void> {
  return async (channelId, text) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} cannot be posted in`);
    await channel.send({ content: escapeToFit(text, LIMITS.content), allowedMentions: { parse: [] } });
  };
}
