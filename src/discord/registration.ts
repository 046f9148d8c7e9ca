/**
 * The application commands as Discord wants them (README: "Running the bot in Discord"), derived from the command table,
 * and syncing them: registered in a test guild or globally, written only when they differ.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type REST,
  type RESTPostAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import { COMMANDS, FIND_SOURCE_MENU, type OptionSpec } from '../commands/definitions.js';

export type Scope = { kind: 'global' } | { kind: 'guild'; guildId: string };

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

/** Discord caps string options at 6000 characters. */
const DISCORD_MAX_LENGTH = 6000;

function optionJson(o: OptionSpec) {
  return {
    type: OPTION_TYPES[o.type],
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    ...(o.autocomplete ? { autocomplete: true } : {}),
    ...(o.min !== undefined ? { min_value: o.min } : {}),
    ...(o.max !== undefined ? { max_value: o.max } : {}),
    ...(o.type === 'string'
      ? { max_length: Math.min(o.maxLength ?? DISCORD_MAX_LENGTH, DISCORD_MAX_LENGTH) }
      : {}),
  };
}

/**
 * The command bodies for a scope. Global commands are offered in servers, in DMs with the bot and
 * in private channels, for server and user installs; guild commands carry no contexts (Discord
 * ignores them there).
 */
export function commandPayloads(scope: Scope): RESTPostAPIApplicationCommandsJSONBody[] {
  const reach =
    scope.kind === 'global'
      ? {
          contexts: [
            InteractionContextType.Guild,
            InteractionContextType.BotDM,
            InteractionContextType.PrivateChannel,
          ],
          integration_types: [
            ApplicationIntegrationType.GuildInstall,
            ApplicationIntegrationType.UserInstall,
          ],
        }
      : {};
  const slash = COMMANDS.filter((c) => c.slash).map((c) => {
    // Required options must come first in Discord's schema.
    const options = c.options
      .filter((o) => o.surfaces.includes('discord'))
      .map(optionJson)
      .sort((a, b) => Number(b.required) - Number(a.required));
    return {
      type: ApplicationCommandType.ChatInput,
      name: c.name,
      description: c.description,
      options,
      ...reach,
    } as RESTPostAPIApplicationCommandsJSONBody;
  });
  const menu = {
    type: ApplicationCommandType.Message,
    name: FIND_SOURCE_MENU,
    ...reach,
  } as RESTPostAPIApplicationCommandsJSONBody;
  return [...slash, menu, ...manageCommands(reach)];
}

/** Manage Server: who may add, remove and subscribe, until a server admin opens them to others. */
export const MANAGE_PERMISSION = '32';
/** The message menu that adds the message's first link or attachment. */
export const ADD_ARTICLE_MENU = 'Add article';

/** /add, /remove, /feeds and Add article (CONTRACT §6). */
function manageCommands(reach: Record<string, unknown>): RESTPostAPIApplicationCommandsJSONBody[] {
  const managed = { default_member_permissions: MANAGE_PERMISSION, ...reach };
  const S = ApplicationCommandOptionType.String;
  const feedUrl = (autocomplete: boolean) => ({
    type: S,
    name: 'url',
    description: 'The feed address (RSS 2.0, Atom or JSON Feed)',
    required: true,
    max_length: 2000,
    ...(autocomplete ? { autocomplete: true } : {}),
  });
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: 'add',
      description: 'Add an article (a web page or a file) to this server’s library, or yours in DMs',
      options: [
        { type: S, name: 'url', description: 'The page address', required: false, max_length: 2000 },
        {
          type: ApplicationCommandOptionType.Attachment,
          name: 'file',
          description: 'A .html, .htm, .md or .txt file',
          required: false,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'private',
          description: 'Show the answer only to you',
          required: false,
        },
      ],
      ...managed,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: 'remove',
      description: 'Remove an article from this server’s library, or yours in DMs',
      options: [
        {
          type: S,
          name: 'article',
          description: 'The article (id or title)',
          required: true,
          autocomplete: true,
          max_length: 200,
        },
      ],
      ...managed,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: 'feeds',
      description: 'Feeds whose new articles are added to this library',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'add',
          description: 'Subscribe to a feed',
          options: [
            feedUrl(false),
            {
              type: ApplicationCommandOptionType.Channel,
              name: 'channel',
              description: 'Where to post "Indexed: <title>"',
              required: false,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'remove',
          description: 'Unsubscribe from a feed',
          options: [feedUrl(true)],
        },
        { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'The subscribed feeds' },
      ],
      ...managed,
    },
    { type: ApplicationCommandType.Message, name: ADD_ARTICLE_MENU, ...managed },
  ] as RESTPostAPIApplicationCommandsJSONBody[];
}

function route(applicationId: string, scope: Scope): `/${string}` {
  return scope.kind === 'guild'
    ? Routes.applicationGuildCommands(applicationId, scope.guildId)
    : Routes.applicationCommands(applicationId);
}

/** Options (and a subcommand's options) in a comparable form, Discord's defaults filled in. */
function canonicalOptions(list: unknown): unknown[] {
  return ((list as Record<string, unknown>[] | undefined) ?? []).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    max_length: o.max_length ?? null,
    options: canonicalOptions(o.options),
  }));
}

/** A comparable form of a command: only the fields we set, with Discord's defaults filled in. */
function canonical(command: Record<string, unknown>): string {
  const options = canonicalOptions(command.options);
  const sorted = (v: unknown) => (Array.isArray(v) ? [...v].sort() : null);
  return JSON.stringify({
    type: command.type ?? ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description ?? '',
    options,
    contexts: sorted(command.contexts),
    integration_types: sorted(command.integration_types),
    default_member_permissions: command.default_member_permissions ?? null,
  });
}

/** True when what Discord has registered is what we would register. */
export function sameCommands(
  registered: Record<string, unknown>[],
  wanted: Record<string, unknown>[],
): boolean {
  if (registered.length !== wanted.length) return false;
  const have = new Map(registered.map((c) => [`${c.type ?? 1}:${c.name}`, canonical(c)]));
  return wanted.every((c) => have.get(`${c.type ?? 1}:${c.name}`) === canonical(c));
}

/**
 * Registers the commands in `scope` unless Discord already has exactly these.
 * @returns whether anything was written
 */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  scope: Scope,
  force = false,
): Promise<boolean> {
  const wanted = commandPayloads(scope);
  const where = route(applicationId, scope);
  if (!force) {
    const registered = (await rest.get(where)) as Record<string, unknown>[];
    if (sameCommands(registered, wanted as unknown as Record<string, unknown>[])) return false;
  }
  await rest.put(where, { body: wanted });
  return true;
}

/** Removes every command registered in a guild (after moving from guild to global registration). */
export async function clearGuildCommands(rest: REST, applicationId: string, guildId: string): Promise<void> {
  await rest.put(Routes.applicationGuildCommands(applicationId, guildId), { body: [] });
}
