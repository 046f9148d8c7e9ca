/** A burst of 500 interactions through the test Discord: all answered, none twice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/botProcess.js';

describe('load', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // Generous limits: this burst comes from one user in one channel.
    bot = await startBotUnderTest({
      CITEBOT_USER_RATE: 'off',
      CITEBOT_CHANNEL_RATE: 'off',
      LOG_LEVEL: 'info',
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
  });

  it('answers 500 interactions sent at once, each exactly once', async () => {
    const d = bot.discord;
    const commands: [string, Record<string, string>][] = [
      ['ask', { question: 'Who will not discuss the exchange of territory?' }],
      ['who-said', { topic: 'NATO membership' }],
      ['quotes', { speaker: 'Hegseth' }],
      ['summary', {}],
      ['sources', {}],
    ];
    const ids = Array.from({ length: 500 }, (_, i) => {
      const [name, options] = commands[i % commands.length] as [string, Record<string, string>];
      return d.slash(name, options);
    });
    await d.waitFor(() => ids.every((id) => d.acceptedResponsesTo(id).length > 0), 60_000, 'every answer');
    await new Promise((r) => setTimeout(r, 300));
    expect(ids.filter((id) => d.acceptedResponsesTo(id).length !== 1)).toEqual([]);
  }, 90_000);
});
