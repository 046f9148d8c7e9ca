/**
 * `npm run deploy [-- --global] [-- --clear-guild] [-- --force]`: registers the commands on demand.
 * By default where `npm start` would (the test guild if DISCORD_GUILD_ID is set, else global),
 * and only if they differ. `--global` registers globally even with a guild set; `--clear-guild`
 * removes the guild's copies (after moving to global, so commands do not show twice).
 */
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { configOrReport, runEntry } from '../entry.js';
import { clearGuildCommands, type Scope, syncCommands } from './registration.js';

async function main(): Promise<number> {
  let args: { global?: boolean; 'clear-guild'?: boolean; force?: boolean };
  try {
    args = parseArgs({
      options: {
        global: { type: 'boolean' },
        'clear-guild': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run deploy -- [--global] [--clear-guild] [--force]\n`,
    );
    return 2;
  }
  const config = configOrReport();
  if (!config) return 2;
  if (!config.DISCORD_TOKEN) {
    process.stderr.write('DISCORD_TOKEN is not set: deploy needs the bot token (see .env.example).\n');
    return 2;
  }
  const guildId = config.DISCORD_GUILD_ID;
  if (args['clear-guild'] && !guildId) {
    process.stderr.write('--clear-guild needs DISCORD_GUILD_ID: the guild whose commands to remove.\n');
    return 2;
  }
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const applicationId =
    config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  if (args['clear-guild'] && guildId) {
    await clearGuildCommands(rest, applicationId, guildId);
    process.stdout.write(`Removed the commands registered in guild ${guildId}.\n`);
    if (!args.global) return 0;
  }
  const scope: Scope = args.global || !guildId ? { kind: 'global' } : { kind: 'guild', guildId };
  const changed = await syncCommands(rest, applicationId, scope, args.force ?? false);
  const where = scope.kind === 'global' ? 'globally' : `in guild ${scope.guildId}`;
  process.stdout.write(
    changed ? `Registered the commands ${where}.\n` : `The commands ${where} are already up to date.\n`,
  );
  return 0;
}

runEntry(main, 'deploy failed');
