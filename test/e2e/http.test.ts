/** The HTTP interactions endpoint: signatures, limits, PING, answers in the response, deferral, health. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askPayload,
  type EndpointUnderTest,
  get,
  keyPair,
  post,
  startEndpoint,
} from '../support/httpInteractions.js';
import { bundledLibrary } from '../support/library.js';

describe('HTTP interactions endpoint', () => {
  let e: EndpointUnderTest;
  beforeAll(async () => {
    e = await startEndpoint();
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('is not healthy before the library is ready, and then is', async () => {
    expect((await get(e.http.port, '/healthz')).status).toBe(503);
    const library = await bundledLibrary();
    // A command that arrives before the library is deferred, then edited once it is ready.
    const early = askPayload('NATO membership', {
      data: {
        name: 'ask',
        type: 1,
        options: [
          { name: 'question', type: 3, value: 'NATO membership' },
          { name: 'private', type: 5, value: true },
        ],
      },
    });
    const deferred = await post(e.http.port, JSON.stringify(early), e.keys.privateKey);
    expect(deferred.status).toBe(200);
    expect(deferred.json()).toEqual({ type: 5, data: { flags: 64 } });
    e.holder.set(library);
    await expect.poll(() => e.rest.requests.length, { timeout: 5000 }).toBe(1);
    const edit = e.rest.requests[0] as { method: string; path: string; body: unknown };
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(`/api/v10/webhooks/${early.application_id}/${early.token}/messages/%40original`);
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(((edit.body as { embeds: unknown[] }).embeds ?? []).length).toBeGreaterThan(0);
    const health = await get(e.http.port, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', articles: library.articles.length });
  });

  it('refuses a missing or bad signature and a stale or non-numeric timestamp with 401', async () => {
    const body = JSON.stringify({ type: 1 });
    expect((await post(e.http.port, body, null)).status).toBe(401);
    const other = keyPair();
    expect((await post(e.http.port, body, other.privateKey)).status).toBe(401);
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect((await post(e.http.port, body, e.keys.privateKey, { timestamp: stale })).status).toBe(401);
    const future = String(Math.floor(Date.now() / 1000) + 301);
    expect((await post(e.http.port, body, e.keys.privateKey, { timestamp: future })).status).toBe(401);
    expect((await post(e.http.port, body, e.keys.privateKey, { timestamp: 'soon' })).status).toBe(401);
    // A signature over one body does not cover another.
    const signed = await post(e.http.port, body, e.keys.privateKey, {
      headers: { 'x-signature-ed25519': 'ab'.repeat(64) },
    });
    expect(signed.status).toBe(401);
    expect(e.rest.requests.length).toBe(1);
  });

  it('answers 413 to a body over 1 MiB and 400 to a signed body that is not JSON', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 'a');
    expect((await post(e.http.port, big, e.keys.privateKey)).status).toBe(413);
    expect((await post(e.http.port, 'not json', e.keys.privateKey)).status).toBe(400);
  });

  it('answers PING with PONG', async () => {
    const reply = await post(e.http.port, JSON.stringify({ id: '1', type: 1 }), e.keys.privateKey);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ type: 1 });
  });

  it('answers /ask in the HTTP response, cited, mentions off', async () => {
    const reply = await post(e.http.port, JSON.stringify(askPayload('NATO membership')), e.keys.privateKey);
    expect(reply.status).toBe(200);
    const body = reply.json() as { type: number; data: { embeds: unknown[]; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(body.data.embeds.length).toBeGreaterThan(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers autocomplete with choices', async () => {
    const payload = {
      ...askPayload('x'),
      type: 4,
      data: {
        name: 'ask',
        type: 1,
        options: [
          { name: 'question', type: 3, value: 'x' },
          { name: 'article', type: 3, value: 'hegseth', focused: true },
        ],
      },
    };
    const reply = await post(e.http.port, JSON.stringify(payload), e.keys.privateKey);
    const body = reply.json() as { type: number; data: { choices: unknown[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
  });

  it('answers 200 concurrent signed /ask, each once in its response', async () => {
    const before = e.rest.requests.length;
    const replies = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(e.http.port, JSON.stringify(askPayload('Who spoke about Ukraine?')), e.keys.privateKey),
      ),
    );
    expect(replies.filter((r) => r.status !== 200 || (r.json() as { type: number }).type !== 4)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(e.rest.requests.length).toBe(before);
  }, 30_000);
});
