/**
 * First replies posted straight to the interaction callback endpoint, against a real HTTP server
 * on the loopback address: the body Discord gets, and Discord's refusals as discord.js reports them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CallbackSender } from '../../src/discord/callback.js';
import { note } from '../../src/discord/respond.js';

interface Seen {
  method: string;
  url: string;
  userAgent: string;
  body: unknown;
}

let server: Server;
let api = '';
const agent = new Agent({ connections: 2 });
const seen: Seen[] = [];
/** What the server answers, in turn; the last one is repeated. */
let answers: ((res: ServerResponse) => void)[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        userAgent: String(req.headers['user-agent'] ?? ''),
        body: JSON.parse(raw || 'null'),
      });
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      answer?.(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  answers = [(res) => res.writeHead(204).end()];
});

const json = (status: number, body: unknown) => (res: ServerResponse) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('CallbackSender', () => {
  it('posts a channel message with mentions off to the callback route and marks the interaction replied', async () => {
    const target = { id: '111', token: 'tok-en', replied: false };
    await new CallbackSender(api, agent).reply(target, note('Only you can see this.'));
    expect(target.replied).toBe(true);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/v10/interactions/111/tok-en/callback',
        userAgent: expect.stringMatching(/^DiscordBot \(/),
        body: {
          type: 4,
          data: {
            content: 'Only you can see this.',
            embeds: [],
            components: [],
            allowed_mentions: { parse: [] },
            flags: 64,
          },
        },
      },
    ]);
  });

  it('throws Discord’s refusal as a DiscordAPIError with its code, leaving the interaction unreplied', async () => {
    answers = [json(404, { code: RESTJSONErrorCodes.UnknownInteraction, message: 'Unknown interaction' })];
    const target = { id: '222', token: 't', replied: false };
    const error = await new CallbackSender(api, agent).reply(target, note('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(RESTJSONErrorCodes.UnknownInteraction);
    expect((error as DiscordAPIError).status).toBe(404);
    expect(target.replied).toBe(false);
  });

  it('gives a body that is not Discord’s JSON the HTTP status as its code', async () => {
    answers = [(res) => res.writeHead(502).end('<html>bad gateway</html>')];
    const error = await new CallbackSender(api, agent)
      .reply({ id: '333', token: 't', replied: false }, note('x'))
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(502);
  });

  it('retries once after the wait a 429 names, then gives up', async () => {
    answers = [
      json(429, { message: 'You are being rate limited.', retry_after: 0.01, code: 0 }),
      json(204, {}),
    ];
    const target = { id: '444', token: 't', replied: false };
    await new CallbackSender(api, agent).reply(target, note('x'));
    expect(target.replied).toBe(true);
    expect(seen).toHaveLength(2);

    seen.length = 0;
    answers = [json(429, { message: 'You are being rate limited.', retry_after: 0.01, code: 0 })];
    const again = { id: '555', token: 't', replied: false };
    const error = await new CallbackSender(api, agent).reply(again, note('x')).catch((e: unknown) => e);
    expect((error as DiscordAPIError).status).toBe(429);
    expect(seen).toHaveLength(2);
    expect(again.replied).toBe(false);
  });

  it('does not wait out a 429 longer than the reply deadline allows', async () => {
    answers = [json(429, { message: 'You are being rate limited.', retry_after: 30, code: 0 })];
    const error = await new CallbackSender(api, agent)
      .reply({ id: '666', token: 't', replied: false }, note('x'))
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).status).toBe(429);
    expect(seen).toHaveLength(1);
  });
});
