/** The HTTP interactions endpoint on 127.0.0.1: signatures, PING, answers in the response, health. */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpEndpoint, MAX_BODY_BYTES, startHttpInteractions } from '../../src/discord/http/server.js';
import { publicKeyFromHex, verifyRequest } from '../../src/discord/http/signature.js';
import { Lifecycle } from '../../src/discord/lifecycle.js';
import { AbuseGuard } from '../../src/discord/rateLimit.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { createLogger } from '../../src/log.js';
import { bundledLibrary } from '../support/library.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicHex = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');

let endpoint: HttpEndpoint;
const holder = new LibraryHolder();
const lifecycle = new Lifecycle();
const base = () => `http://127.0.0.1:${endpoint.port}`;

function signed(
  body: string,
  key: KeyObject = privateKey,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return {
    'x-signature-ed25519': signature,
    'x-signature-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${base()}/interactions`, { method: 'POST', body, headers });

let next = 1;
function askPayload(question: string): string {
  const id = String(1000000000000000000n + BigInt(next++));
  return JSON.stringify({
    id,
    application_id: '1100000000000000001',
    type: 2,
    token: `token-${id}`,
    version: 1,
    channel_id: '1200000000000000001',
    guild_id: '1300000000000000001',
    locale: 'en-US',
    app_permissions: '0',
    authorizing_integration_owners: { '0': '1300000000000000001' },
    context: 0,
    entitlements: [],
    member: {
      user: {
        id: '1400000000000000001',
        username: 'reader',
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      roles: [],
      permissions: '0',
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    data: {
      id: '1500000000000000001',
      name: 'ask',
      type: 1,
      options: [{ name: 'question', type: 3, value: question }],
    },
  });
}

beforeAll(async () => {
  endpoint = await startHttpInteractions({
    port: 0,
    host: '127.0.0.1',
    publicKey: publicKeyFromHex(publicHex),
    token: undefined,
    apiUrl: 'http://127.0.0.1:9/api',
    holder,
    logger: createLogger('error'),
    lifecycle,
    guard: new AbuseGuard(null, null),
  });
});
afterAll(() => endpoint.close());

describe('signatures', () => {
  it('accepts a valid signature and refuses a tampered body, a stale or non-numeric timestamp', () => {
    const key = publicKeyFromHex(publicHex);
    const body = '{"type":1}';
    const h = signed(body);
    expect(verifyRequest(key, h['x-signature-ed25519'], h['x-signature-timestamp'], Buffer.from(body))).toBe(
      true,
    );
    expect(
      verifyRequest(key, h['x-signature-ed25519'], h['x-signature-timestamp'], Buffer.from('{"type":2}')),
    ).toBe(false);
    const old = signed(body, privateKey, String(Math.floor(Date.now() / 1000) - 600));
    expect(
      verifyRequest(key, old['x-signature-ed25519'], old['x-signature-timestamp'], Buffer.from(body)),
    ).toBe(false);
    expect(verifyRequest(key, h['x-signature-ed25519'], 'soon', Buffer.from(body))).toBe(false);
    expect(() => publicKeyFromHex('xyz')).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});

describe('POST /interactions', () => {
  it('answers 503 on /healthz before the library is ready, then 200 with the article count', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(503);
    holder.set(await bundledLibrary());
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', articles: 1 });
  });

  it('refuses a missing or bad signature with 401, a signed non-JSON body with 400, an oversize body with 413', async () => {
    expect((await post('{"type":1}', { 'content-type': 'application/json' })).status).toBe(401);
    const other = generateKeyPairSync('ed25519').privateKey;
    expect((await post('{"type":1}', signed('{"type":1}', other))).status).toBe(401);
    expect((await post('not json', signed('not json'))).status).toBe(400);
    const big = 'x'.repeat(MAX_BODY_BYTES + 10);
    expect((await post(big, signed(big))).status).toBe(413);
  });

  it('answers PING with PONG', async () => {
    const res = await post('{"type":1}', signed('{"type":1}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('answers /ask in the HTTP response through the gateway bot’s handlers, with no mentions', async () => {
    const body = askPayload('Who will not discuss the exchange of territory?');
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      type: number;
      data: { embeds?: { description?: string }[]; content?: string; allowed_mentions: unknown };
    };
    expect(answer.type).toBe(4);
    expect(answer.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(answer.data)).toContain('Peskov');
  });

  it('answers 100 concurrent signed /ask requests, each once', async () => {
    const bodies = Array.from({ length: 100 }, () => askPayload('5% of GDP'));
    const answers = await Promise.all(bodies.map((b) => post(b, signed(b)).then((r) => r.text())));
    expect(answers.every((a) => a.includes('"type":4') && a.includes('GDP') && !a.includes('Sorry'))).toBe(
      true,
    );
  });
});

describe('a reply that is not ready in time', () => {
  it('is deferred in the HTTP response, then sent as the one edit of @original', async () => {
    const edits: { method: string; url: string; body: string }[] = [];
    const { createServer } = await import('node:http');
    const rest = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        edits.push({ method: req.method ?? '', url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1","channel_id":"1","content":"","embeds":[],"attachments":[],"type":0}');
      });
    });
    await new Promise<void>((resolve) => rest.listen(0, '127.0.0.1', resolve));
    const restPort = (rest.address() as { port: number }).port;
    const waitingHolder = new LibraryHolder();
    const late = await startHttpInteractions({
      port: 0,
      host: '127.0.0.1',
      publicKey: publicKeyFromHex(publicHex),
      token: 'test-token-that-is-long-enough',
      apiUrl: `http://127.0.0.1:${restPort}/api`,
      holder: waitingHolder,
      logger: createLogger('error'),
      lifecycle: new Lifecycle(),
      guard: new AbuseGuard(null, null),
    });
    try {
      const body = askPayload('Who will not discuss the exchange of territory?');
      // The library is still being built: the handler defers, the HTTP response says so at once.
      const res = await fetch(`http://127.0.0.1:${late.port}/interactions`, {
        method: 'POST',
        body,
        headers: signed(body),
      });
      expect((await res.json()) as { type: number }).toMatchObject({ type: 5 });
      waitingHolder.set(await bundledLibrary());
      for (let i = 0; i < 100 && edits.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(edits).toHaveLength(1);
      expect(edits[0]?.method).toBe('PATCH');
      expect(decodeURIComponent(edits[0]?.url ?? '')).toMatch(
        /\/webhooks\/1100000000000000001\/token-\d+\/messages\/@original/,
      );
      expect(edits[0]?.body).toContain('Peskov');
      expect(JSON.parse(edits[0]?.body ?? '{}').allowed_mentions).toEqual({ parse: [] });
    } finally {
      await late.close();
      rest.close();
    }
  });
});
