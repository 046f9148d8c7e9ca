/** SIGTERM and SIGINT: the bot finishes what is in flight, logs out and exits 0. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { botEnv } from '../support/botProcess.js';
import { FakeDiscord } from '../support/fakeDiscord.js';

async function startBot(discord: FakeDiscord) {
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: botEnv(discord, { LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await discord.waitFor(
    () => /library ready/.test(stderr) && /commands registered/.test(stderr),
    30_000,
    'the bot',
  );
  return { child, exit, output: () => stderr };
}

describe('shutdown', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} answers the interaction in flight, logs out and exits 0`, async () => {
      const discord = new FakeDiscord();
      await discord.start();
      try {
        const bot = await startBot(discord);
        const id = discord.slash('ask', { question: 'Who will not discuss the exchange of territory?' });
        await discord.waitFor(
          () => bot.output().includes(`"interaction":"${id}"`) || discord.responsesTo(id).length > 0,
          10_000,
          'the interaction to arrive',
        );
        bot.child.kill(signal);
        expect(await bot.exit).toBe(0);
        expect(discord.acceptedResponsesTo(id)).toHaveLength(1);
        expect(bot.output()).toMatch(/shutting down/);
        expect(bot.output()).toMatch(/logged out/);
        expect(discord.connections).toBe(0);
      } finally {
        await discord.stop();
      }
    }, 60_000);
  }
});

describe('shutdown with a request in flight', () => {
  it('turns new requests away while it finishes the one in flight', async () => {
    const discord = new FakeDiscord();
    await discord.start();
    try {
      const bot = await startBot(discord);
      // Discord is slow to accept this reply: the request is in flight when the signal comes.
      discord.delays.push({
        match: (method, path) => method === 'POST' && /\/callback$/.test(path),
        delayMs: 2000,
      });
      const first = discord.slash('ask', { question: 'Who will not discuss the exchange of territory?' });
      await discord.waitFor(
        () => discord.requests.some((r) => r.path.startsWith(`/interactions/${first}/`)),
        10_000,
        'the reply to start',
      );
      bot.child.kill('SIGTERM');
      await discord.waitFor(() => /shutting down/.test(bot.output()), 10_000, 'the shutdown log');
      expect(bot.output()).toMatch(/"inFlight":1/);
      const late = discord.slash('help');
      const turnedAway = await discord.firstResponse(late, 10_000);
      expect(turnedAway.body).toMatchObject({
        type: 4,
        data: { content: 'Citebot is restarting. Try again in a moment.', flags: 64 },
      });
      expect(await bot.exit).toBe(0);
      expect(discord.acceptedResponsesTo(first)).toHaveLength(1);
      expect(bot.output()).toMatch(/logged out/);
    } finally {
      await discord.stop();
    }
  }, 60_000);
});
