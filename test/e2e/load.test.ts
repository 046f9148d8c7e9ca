/** A burst of 500 interactions through the test Discord: all answered, none twice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, burst, startBotUnderTest } from '../support/botProcess.js';

describe('load', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // The abuse limits are off by default under test: this burst comes from one user in one channel.
    bot = await startBotUnderTest({ LOG_LEVEL: 'info' });
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
  });

  it('answers 500 interactions sent at once, each exactly once', async () => {
    const d = bot.discord;
    const ids = await burst(d, 500, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(ids.filter((id) => d.acceptedResponsesTo(id).length !== 1)).toEqual([]);
  }, 90_000);
});
