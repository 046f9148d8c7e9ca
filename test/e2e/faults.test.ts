/**
 * Gateway and REST faults through the test Discord: the bot resumes or re-identifies, keeps
 * answering, answers every interaction exactly once, and logs a reply that finally fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/botProcess.js';

const QUESTION = { question: 'Who will not discuss the exchange of territory?' };

describe('faults', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
  });

  /** Sends a command and expects exactly one accepted answer. */
  async function answeredOnce(): Promise<void> {
    const d = bot.discord;
    const id = d.slash('ask', QUESTION);
    await d.waitFor(() => d.acceptedResponsesTo(id).length > 0, 20_000, `an answer to ${id}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(d.acceptedResponsesTo(id)).toHaveLength(1);
  }

  it('resumes after the gateway connection drops', async () => {
    const d = bot.discord;
    const before = d.sessions;
    d.dropConnections(4000);
    await d.waitFor(() => d.sessions > before, 20_000, 'a resumed session');
    expect(d.gatewayReceived.some((p) => p.op === 6)).toBe(true);
    await answeredOnce();
  }, 30_000);

  it('reconnects when Discord asks it to (op 7 RECONNECT)', async () => {
    const d = bot.discord;
    const before = d.sessions;
    d.sendOp(7);
    await d.waitFor(() => d.sessions > before, 20_000, 'a session after RECONNECT');
    await answeredOnce();
  }, 30_000);

  it('identifies again after an invalid session (op 9)', async () => {
    const d = bot.discord;
    const identifies = d.gatewayReceived.filter((p) => p.op === 2).length;
    d.sendOp(9, false);
    await d.waitFor(
      () => d.gatewayReceived.filter((p) => p.op === 2).length > identifies,
      20_000,
      'a new IDENTIFY',
    );
    await d.waitFor(() => d.connections > 0 && d.sessions > 0, 20_000, 'a session');
    await new Promise((r) => setTimeout(r, 300));
    await answeredOnce();
  }, 30_000);

  it('waits out a 429 and answers once', async () => {
    const d = bot.discord;
    d.faults.push({
      match: (method, path) => method === 'POST' && /\/callback$/.test(path),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
    });
    await answeredOnce();
  }, 30_000);

  it('retries a 500 from REST and answers once', async () => {
    const d = bot.discord;
    d.faults.push({ match: (method, path) => method === 'POST' && /\/callback$/.test(path), status: 500 });
    await answeredOnce();
  }, 30_000);

  it('logs a reply that finally fails, with its interaction id, and keeps answering', async () => {
    const d = bot.discord;
    d.faults.push({
      match: (method, path) => /\/callback$|\/webhooks\//.test(path) && method !== 'GET',
      status: 500,
      times: 20,
    });
    const id = d.slash('ask', QUESTION);
    await d.waitFor(
      () =>
        new RegExp(
          `"interaction":"${id}".*interaction failed|interaction failed.*"interaction":"${id}"`,
        ).test(bot.output().stderr),
      30_000,
      'the failure log',
    );
    d.faults.splice(0);
    expect(d.acceptedResponsesTo(id)).toHaveLength(0);
    await answeredOnce();
    expect(bot.output().stdout + bot.output().stderr).not.toContain(d.token);
  }, 60_000);
});
