/**
 * Handles every interaction: slash commands, autocomplete, the Find source message menu and the
 * page buttons. Each is answered once; failures become a short ephemeral message and a log line
 * with the interaction id; an expired interaction is logged and dropped.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord.js';
import { FIND_SOURCE_MENU } from '../commands/definitions.js';
import type { FeedPoller } from '../library/feeds.js';
import type { LibraryHolder } from '../library/holder.js';
import type { Libraries } from '../library/libraries.js';
import type { Library } from '../library/library.js';
import type { Logger } from '../log.js';
import { suggestSpeakers } from '../retrieval/statements.js';
import { suggestArticles } from '../retrieval/suggest.js';
import { answer } from './answer.js';
import type { CallbackSender } from './callback.js';
import type { Lifecycle } from './lifecycle.js';
import { addArticleMenu, isManageCommand, manageAutocomplete, manageCommand, whereAsked } from './manage.js';
import { queryDigest, queryFromFooter, readPageButton } from './paging.js';
import type { AbuseGuard } from './rateLimit.js';
import { ADD_ARTICLE_MENU } from './registration.js';
import type { DiscordReply } from './render.js';
import { note, withoutFlags } from './respond.js';

export interface InteractionDeps {
  /** The shared library (also reachable as `libraries.shared`). */
  holder: LibraryHolder;
  /** Every library; a request answers from the shared one plus the one where it is asked. */
  libraries: Libraries;
  feeds?: FeedPoller | null;
  logger: Logger;
  guard: AbuseGuard;
  lifecycle: Lifecycle;
  /** Sends first replies straight to the API (the gateway); without it, `interaction.reply`. */
  callbacks?: CallbackSender;
}

const GONE = 'This page is no longer available. Run the command again for fresh results.';
const FAILED = 'Sorry, something went wrong while answering. It has been logged.';
/** The longest message text Find source reads. */
const FIND_SOURCE_MAX = 4000;

const RESTARTING = 'Citebot is restarting. Try again in a moment.';

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return (interaction) => deps.lifecycle.track(handle(interaction, deps));
}

async function handle(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = Date.now();
  try {
    if (deps.lifecycle.draining) {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) await interaction.reply(note(RESTARTING));
      return;
    }
    // Autocomplete is never refused (it costs nothing); a page click costs a quarter of a command.
    if (!interaction.isAutocomplete()) {
      const kind = interaction.isButton() ? 'page' : 'command';
      const wait = deps.guard.check(interaction.user.id, interaction.channelId, kind);
      if (wait > 0) {
        if (interaction.isRepliable()) await interaction.reply(note(`Slow down: try again in ${wait} s.`));
        deps.logger.info({ interaction: interaction.id, user: interaction.user.id, wait }, 'rate limited');
        return;
      }
    }
    if (interaction.isAutocomplete()) await autocomplete(interaction, deps);
    else if (interaction.isChatInputCommand()) {
      if (isManageCommand(interaction.commandName)) await manageCommand(interaction, deps);
      else await slashCommand(interaction, deps);
    } else if (interaction.isMessageContextMenuCommand()) {
      if (interaction.commandName === ADD_ARTICLE_MENU) await addArticleMenu(interaction, deps);
      else await findSource(interaction, deps);
    } else if (interaction.isButton()) await pageButton(interaction, deps);
    deps.logger.debug(
      { interaction: interaction.id, type: interaction.type, ms: Date.now() - started },
      'answered',
    );
  } catch (error) {
    await reportFailure(interaction, error, deps.logger);
  }
}

function internalLogger(deps: InteractionDeps, interaction: Interaction) {
  return (error: unknown, command: string) =>
    deps.logger.error({ err: error, interaction: interaction.id, command }, 'command failed');
}

/** Sends a reply, deferring first when the library is not ready yet (startup or reload). */
async function respond(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  deps: InteractionDeps,
  ephemeral: boolean,
  build: (library: Library) => DiscordReply,
): Promise<void> {
  const where = whereAsked(interaction);
  const ready = deps.libraries.current(where);
  if (ready) {
    if (deps.callbacks) await deps.callbacks.reply(interaction, build(ready));
    else await interaction.reply(build(ready));
    return;
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const library = await deps.libraries.get(where);
  await interaction.editReply(withoutFlags(build(library)));
}

async function slashCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const options: Record<string, unknown> = {};
  for (const o of interaction.options.data) options[o.name] = o.value;
  const ephemeral = options.private === true;
  await respond(
    interaction,
    deps,
    ephemeral,
    (library) =>
      answer(
        library,
        { command: interaction.commandName, options, page: 0, ephemeral },
        internalLogger(deps, interaction),
      ).reply,
  );
}

async function findSource(
  interaction: MessageContextMenuCommandInteraction,
  deps: InteractionDeps,
): Promise<void> {
  if (interaction.commandName !== FIND_SOURCE_MENU) return;
  const text = interaction.targetMessage.content.trim();
  if (text === '') {
    await interaction.reply(note('That message has no text to trace.'));
    return;
  }
  await respond(
    interaction,
    deps,
    false,
    (library) =>
      answer(
        library,
        {
          command: 'find-source',
          options: { text: text.slice(0, FIND_SOURCE_MAX) },
          page: 0,
          ephemeral: false,
        },
        internalLogger(deps, interaction),
      ).reply,
  );
}

async function pageButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const button = readPageButton(interaction.customId);
  const footer = interaction.message.embeds.at(-1)?.footer?.text;
  const query = queryFromFooter(footer);
  const library = deps.libraries.current(whereAsked(interaction));
  if (!button || !query || queryDigest(query) !== button.digest || !library) {
    await interaction.reply(note(GONE));
    return;
  }
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const answered = answer(
    library,
    { ...query, page: button.page, ephemeral },
    internalLogger(deps, interaction),
  );
  // The articles changed under the page (fewer results, or none): that page is gone.
  if (answered.failed || answered.reply.embeds.length === 0 || button.page >= answered.pages) {
    await interaction.reply(note(GONE));
    return;
  }
  await interaction.update(withoutFlags(answered.reply));
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  if (isManageCommand(interaction.commandName)) {
    await interaction.respond((await manageAutocomplete(interaction, deps)).slice(0, 25));
    return;
  }
  const library = deps.libraries.current(whereAsked(interaction));
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value ?? '');
  let choices: { name: string; value: string }[] = [];
  if (library && focused.name === 'article') choices = suggestArticles(library.articles, typed);
  else if (library && focused.name === 'speaker') choices = suggestSpeakers(library, typed);
  await interaction.respond(choices.slice(0, 25));
}

/** Logs a failure and tells the user, unless the interaction is already gone. */
async function reportFailure(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  if (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  ) {
    logger.warn(
      { interaction: interaction.id, code: error.code },
      'interaction expired or already answered; dropped',
    );
    return;
  }
  logger.error({ err: error, interaction: interaction.id }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  try {
    const message = note(FAILED);
    if (interaction.deferred && !interaction.replied) await interaction.editReply(withoutFlags(message));
    else if (interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (followUpError) {
    logger.error(
      { err: followUpError, interaction: interaction.id },
      'could not report the failure to the user',
    );
  }
}
