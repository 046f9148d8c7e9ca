/**
 * 200 concurrent signed /ask to the HTTP interactions endpoint on 127.0.0.1: each answered once,
 * and the time to the HTTP response; next to it, in the same run, the same handler driven through
 * the path the gateway uses (a discord.js client turning INTERACTION_CREATE payloads into
 * interactions, the answer a REST callback). Run from bench/run.ts (`npm run bench -- --only http`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Events } from 'discord.js';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { createClient } from '../src/discord/bot.js';
import { createInteractionHandler } from '../src/discord/interactions.js';
import { Lifecycle } from '../src/discord/lifecycle.js';
import { AbuseGuard } from '../src/discord/rateLimit.js';
import { LibraryHolder } from '../src/library/holder.js';
import { Libraries } from '../src/library/libraries.js';
import { createLogger } from '../src/log.js';
import { EMPTY_ALLOW_LIST } from '../src/sources/address.js';
import { askPayload, post, RestStub, startEndpoint } from '../test/support/httpInteractions.js';
import { bundledLibrary } from '../test/support/library.js';
import { percentile } from './percentile.js';

export interface HttpBench {
  requests: number;
  answeredOnce: boolean;
  p50: number;
  p99: number;
  max: number;
}

export async function httpBench(requests = 200): Promise<HttpBench> {
  const e = await startEndpoint();
  try {
    e.holder.set(await bundledLibrary());
    // Warm up the code paths once.
    await post(e.http.port, JSON.stringify(askPayload('NATO membership')), e.keys.privateKey);
    const replies = await Promise.all(
      Array.from({ length: requests }, () =>
        post(e.http.port, JSON.stringify(askPayload('Who spoke about Ukraine?')), e.keys.privateKey),
      ),
    );
    const ms = replies.map((r) => r.ms);
    const once =
      replies.every((r) => r.status === 200 && (r.json() as { type: number }).type === 4) &&
      e.rest.requests.length === 0;
    return {
      requests,
      answeredOnce: once,
      p50: Math.round(percentile(ms, 50)),
      p99: Math.round(percentile(ms, 99)),
      max: Math.round(Math.max(...ms)),
    };
  } finally {
    await e.stop();
  }
}

export function describeHttpBench(b: HttpBench): string {
  return `HTTP: ${b.requests} concurrent signed /ask on 127.0.0.1, each answered ${b.answeredOnce ? 'exactly once in its HTTP response' : 'NOT exactly once'}; time to the HTTP response p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms.`;
}

/**
 * The gateway path in this process: a discord.js client (not logged in) builds each interaction
 * from its INTERACTION_CREATE payload as it does for the gateway, the bot's handler answers, and
 * the answer is the REST callback; timed from dispatch to the callback reaching a loopback stub.
 */
export async function gatewayPathBench(requests = 200): Promise<HttpBench> {
  const rest = new RestStub();
  await rest.start();
  const client = createClient(rest.apiUrl);
  client.rest.setToken('bench-token');
  const holder = new LibraryHolder();
  holder.set(await bundledLibrary());
  const logger = createLogger('silent');
  client.on(
    Events.InteractionCreate,
    createInteractionHandler({
      holder,
      libraries: new Libraries({
        shared: holder,
        root: mkdtempSync(path.join(tmpdir(), 'citebot-bench-libraries-')),
        sharedDir: DEFAULT_DATA_DIR,
        allow: EMPTY_ALLOW_LIST,
        logger,
        watch: false,
      }),
      logger,
      guard: new AbuseGuard(null, null),
      lifecycle: new Lifecycle(),
    }),
  );
  // discord.js's own INTERACTION_CREATE handling, as the gateway connection runs it.
  const dispatch = (payload: Record<string, unknown>) =>
    (
      client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }
    ).actions.InteractionCreate.handle(payload);
  const answered = new Map<string, number>();
  const started = new Map<string, number>();
  const counts = new Map<string, number>();
  let done: () => void = () => {};
  rest.onRequest = (r) => {
    const m = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback/.exec(r.path);
    if (!m?.[1]) return;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    if (!answered.has(m[1])) answered.set(m[1], r.at);
    if (answered.size >= started.size && started.size === requests) done();
  };
  try {
    const payload = (question: string): Record<string, unknown> & { id: string } => {
      const p = askPayload(question);
      const user = {
        id: String((p.user as { id: string }).id),
        username: 'bench',
        discriminator: '0',
        avatar: null,
      };
      return {
        ...p,
        id: String(p.id),
        user,
        data: { ...(p.data as Record<string, unknown>), id: '1250000000000000001' },
        channel: { id: p.channel_id, type: 1, recipients: [user], flags: 0 },
        version: 1,
        locale: 'en-US',
        app_permissions: '1071698660929',
        entitlements: [],
        attachment_size_limit: 8388608,
        context: 1,
        authorizing_integration_owners: { '1': user.id },
      };
    };
    // Warm up the code paths once.
    const warm = payload('NATO membership');
    const warmed = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (answered.has(warm.id)) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    dispatch(warm);
    await warmed;
    answered.clear();
    counts.clear();
    const all = new Promise<void>((resolve) => {
      done = resolve;
    });
    for (let i = 0; i < requests; i++) {
      const p = payload('Who spoke about Ukraine?');
      started.set(p.id, performance.now());
      dispatch(p);
    }
    await Promise.race([all, new Promise((r) => setTimeout(r, 60_000))]);
    const ms = [...started].map(([id, at]) => (answered.get(id) ?? Number.POSITIVE_INFINITY) - at);
    return {
      requests,
      answeredOnce: [...started.keys()].every((id) => counts.get(id) === 1),
      p50: Math.round(percentile(ms, 50)),
      p99: Math.round(percentile(ms, 99)),
      max: Math.round(Math.max(...ms)),
    };
  } finally {
    await client.destroy();
    await rest.stop();
  }
}

export function describeGatewayPathBench(b: HttpBench): string {
  return `Gateway path (same run, same handler, in process): ${b.requests} concurrent /ask as INTERACTION_CREATE payloads, each answered ${b.answeredOnce ? 'exactly once by its REST callback' : 'NOT exactly once'}; time to the callback p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms.`;
}
