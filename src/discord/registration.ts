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
  return [...slash, menu];
}

function route(applicationId: string, scope: Scope): `/${string}` {
  return scope.kind === 'guild'
    ? Routes.applicationGuildCommands(applicationId, scope.guildId)
    : Routes.applicationCommands(applicationId);
}

/** A comparable form of a command: only the fields we set, with Discord's defaults filled in. */
function canonical(command: Record<string, unknown>): string {
  const options = ((command.options as Record<string, unknown>[] | undefined) ?? []).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    max_length: o.max_length ?? null,
  }));
  const sorted = (v: unknown) => (Array.isArray(v) ? [...v].sort() : null);
  return JSON.stringify({
    type: command.type ?? ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description ?? '',
    options,
    contexts: sorted(command.contexts),
    integration_types: sorted(command.integration_types),
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
