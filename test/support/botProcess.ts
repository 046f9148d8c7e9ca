import { type ChildProcess, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';
import { FakeDiscord } from './fakeDiscord.js';

export interface BotUnderTest {
  discord: FakeDiscord;
  child: ChildProcess;
  /** Everything the bot printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The environment a bot under test runs with: pointed at `discord`, no bundled data, no cache, no
 * abuse limits (tests send many requests from one user; the limits have their own test).
 */
export function botEnv(discord: FakeDiscord, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guildId,
    CITEBOT_DATA: '',
    CITEBOT_CACHE: 'off',
    CITEBOT_USER_RATE: 'off',
    CITEBOT_CHANNEL_RATE: 'off',
    LOG_LEVEL: 'debug',
    ...overrides,
  };
}

/**
 * Starts a fake Discord and the bot (`npm start` with DISCORD_TOKEN and DISCORD_API_URL set),
 * and waits until the bot has logged in and registered its commands.
 */
export async function startBotUnderTest(
  env: Record<string, string> = {},
  options: {
    guild?: boolean;
    /** Wait until commands are registered and the library is loaded (default), or return at once. */
    waitForCommands?: boolean;
    /** Prepares the fake Discord before the bot starts (e.g. pre-registered commands). */
    seed?: (discord: FakeDiscord) => void;
  } = {},
): Promise<BotUnderTest> {
  const discord = new FakeDiscord();
  await discord.start();
  options.seed?.(discord);
  let stdout = '';
  let stderr = '';
  const child = spawn('npm', ['start', '--silent'], {
    cwd: PROJECT_ROOT,
    env: botEnv(discord, { DISCORD_GUILD_ID: options.guild === false ? '' : discord.guildId, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping reaches npm, tsx and the bot alike.
    detached: true,
  });
  child.stdout?.setEncoding('utf8').on('data', (d) => {
    stdout += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const bot: BotUnderTest = {
    discord,
    child,
    output: () => ({ stdout, stderr }),
    async stop() {
      const signal = (name: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, name);
        } catch {
          // Already gone.
        }
      };
      if (child.exitCode === null) signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      await discord.stop();
      return code;
    },
  };
  if (options.waitForCommands !== false) {
    try {
      await discord.waitFor(
        () => /commands (registered|already up to date)/.test(stderr) && /library ready/.test(stderr),
        20_000,
        'the bot to log in, register commands and load the library',
      );
    } catch (error) {
      await bot.stop();
      throw new Error(`${(error as Error).message}\nbot stderr:\n${stderr}`);
    }
  }
  return bot;
}

/** One of each read command, cycled by `burst`. */
const BURST_COMMANDS: [string, Record<string, string>][] = [
  ['ask', { question: 'Who will not discuss the exchange of territory?' }],
  ['who-said', { topic: 'NATO membership' }],
  ['quotes', { speaker: 'Hegseth' }],
  ['summary', {}],
  ['sources', {}],
];

/**
 * Sends `count` slash commands at once (cycling through the read commands) and waits until every
 * one has a first response; returns the interaction ids.
 */
export async function burst(discord: FakeDiscord, count: number, timeoutMs: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => {
    const [name, options] = BURST_COMMANDS[i % BURST_COMMANDS.length] as [string, Record<string, string>];
    return discord.slash(name, options);
  });
  await discord.waitFor(
    () => ids.every((id) => discord.acceptedResponsesTo(id).length > 0),
    timeoutMs,
    'every answer',
  );
  return ids;
}
