import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { runProcess } from '../support/spawn.js';

describe('npm run deploy', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
  });
  afterEach(async () => {
    await discord.stop();
  });

  const deploy = (args: string[], env: Record<string, string> = {}) =>
    runProcess('npm', ['run', '--silent', 'deploy', '--', ...args], {
      env: {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: discord.guildId,
        DISCORD_APPLICATION_ID: '',
        ...env,
      },
    });

  it('registers in the test guild, then only when something differs', async () => {
    const first = await deploy([]);
    expect(first.stdout).toBe(`Registered the commands in guild ${discord.guildId}.\n`);
    expect(discord.commands.get(discord.guildId)).toHaveLength(11);
    const second = await deploy([]);
    expect(second.stdout).toBe(`The commands in guild ${discord.guildId} are already up to date.\n`);
    expect(discord.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(first.stdout + first.stderr + second.stderr).not.toContain(discord.token);
  });

  it('deploys globally and clears the guild copies', async () => {
    await deploy([]);
    const run = await deploy(['--global', '--clear-guild']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Removed the commands registered in guild/);
    expect(run.stdout).toMatch(/Registered the commands globally/);
    expect(discord.commands.get(discord.guildId)).toEqual([]);
    expect(discord.commands.get('global')).toHaveLength(11);
  });

  it('explains a missing token and a rejected one', async () => {
    const missing = await deploy([], { DISCORD_TOKEN: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/DISCORD_TOKEN is not set/);
    const rejected = await deploy([], { DISCORD_TOKEN: 'wrong-token-value' });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/deploy failed: .*401|Unauthorized/);
    expect(rejected.stderr).not.toContain('wrong-token-value');
  });
});
