/**
 * Discord's HTTP interactions endpoint (README, "Deployment"): `POST /interactions` verified with
 * the application's public key, answered by the same handlers as the gateway bot. A discord.js
 * client that never logs in turns each payload into an interaction; its REST layer is wrapped so
 * the handler's reply becomes the HTTP response when it comes in time, else the response is a
 * deferral and the reply goes out as the one edit of `@original`. `GET /healthz` says whether the
 * process is ready.
 */

import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Events } from 'discord.js';
import type { LibraryHolder } from '../../library/holder.js';
import type { Logger } from '../../log.js';
import { createInteractionHandler } from '../interactions.js';
import type { Lifecycle } from '../lifecycle.js';
import type { AbuseGuard } from '../rateLimit.js';
import { verifyRequest } from './signature.js';

/** Largest request body read, in bytes (interactions are a few kilobytes). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long the handler has to answer in the HTTP response before it is deferred (Discord allows 3 s). */
export const ANSWER_WITHIN_MS = 2500;

export interface HttpOptions {
  port: number;
  host: string;
  publicKey: KeyObject;
  /** The bot token, for edits of deferred replies; without it a late answer is logged and dropped. */
  token: string | undefined;
  apiUrl: string;
  holder: LibraryHolder;
  logger: Logger;
  lifecycle: Lifecycle;
  guard: AbuseGuard;
}

export interface HttpEndpoint {
  server: Server;
  port: number;
  /** Stops taking requests; resolves when the open ones are done. */
  close(): Promise<void>;
}

/** What the HTTP response of one interaction is waiting for. */
interface Pending {
  sent: boolean;
  /** True once the HTTP response was a deferral: the reply must become an edit. */
  deferred: boolean;
  applicationId: string;
  send(body: unknown): void;
}

const CALLBACK = /\/interactions\/(\d+)\/([^/]+)\/callback/;

/** Interaction types (Discord): 1 ping, 2 command, 3 component, 4 autocomplete. */
const PING = 1;
const COMPONENT = 3;
const AUTOCOMPLETE = 4;

export async function startHttpInteractions(options: HttpOptions): Promise<HttpEndpoint> {
  const { logger, holder, lifecycle } = options;
  const pending = new Map<string, Pending>();
  const client = interceptingClient(options, pending);
  client.on(
    Events.InteractionCreate,
    createInteractionHandler({ holder, logger, guard: options.guard, lifecycle }),
  );

  const server = createServer((req, res) => {
    handleRequest(req, res, options, client, pending).catch((error: unknown) => {
      logger.error({ err: error }, 'http interaction failed');
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'http interactions listening');
  return {
    server,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** A client that never connects; its REST calls for interaction callbacks answer the HTTP request. */
function interceptingClient(options: HttpOptions, pending: Map<string, Pending>): Client {
  const realFetch = globalThis.fetch;
  const makeRequest = async (url: string, init: RequestInit): Promise<Response> => {
    const callback = CALLBACK.exec(url);
    const waiting = callback ? pending.get(callback[1] as string) : undefined;
    if (!callback || !waiting) return realFetch(url, init);
    const body = JSON.parse(String(init.body ?? '{}')) as { type: number; data?: unknown };
    if (!waiting.sent) {
      waiting.send(body);
      return new Response(null, { status: 204 });
    }
    // Already deferred over HTTP: a message becomes the one edit of @original; a deferral is a no-op.
    if (waiting.deferred && (body.type === 4 || body.type === 7) && options.token) {
      const edit = `${options.apiUrl}/v10/webhooks/${waiting.applicationId}/${callback[2]}/messages/@original`;
      const res = await realFetch(edit, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body.data ?? {}),
      });
      return new Response(null, { status: res.ok ? 204 : res.status });
    }
    return new Response(null, { status: 204 });
  };
  const client = new Client({
    intents: [],
    rest: { api: options.apiUrl, makeRequest: makeRequest as never },
    allowedMentions: { parse: [] },
  });
  if (options.token) client.rest.setToken(options.token);
  return client;
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpOptions,
  client: Client,
  pending: Map<string, Pending>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/healthz') {
    const library = options.holder.current;
    if (!library || options.lifecycle.draining) return reply(res, 503, { status: 'unavailable' });
    return reply(res, 200, { status: 'ok', articles: library.articles.length });
  }
  if (url.pathname !== '/interactions') return reply(res, 404, { error: 'not found' });
  if (req.method !== 'POST') return reply(res, 405, { error: 'method not allowed' });
  const body = await readBody(req);
  if (body === null) return reply(res, 413, { error: 'body too large' });
  const signature = header(req, 'x-signature-ed25519');
  const timestamp = header(req, 'x-signature-timestamp');
  if (!verifyRequest(options.publicKey, signature, timestamp, body)) {
    return reply(res, 401, { error: 'invalid request signature' });
  }
  let data: RawInteraction;
  try {
    data = JSON.parse(body.toString('utf8')) as RawInteraction;
  } catch {
    return reply(res, 400, { error: 'body is not JSON' });
  }
  if (typeof data !== 'object' || data === null || typeof data.type !== 'number') {
    return reply(res, 400, { error: 'not an interaction' });
  }
  if (data.type === PING) return reply(res, 200, { type: 1 });
  if (typeof data.id !== 'string' || typeof data.token !== 'string') {
    return reply(res, 400, { error: 'not an interaction' });
  }
  await answerInteraction(data, res, options, client, pending);
}

interface RawInteraction {
  id: string;
  token: string;
  type: number;
  application_id?: string;
}

/** Runs the handler; its first reply is the HTTP response, else a deferral after the deadline. */
function answerInteraction(
  data: RawInteraction,
  res: ServerResponse,
  options: HttpOptions,
  client: Client,
  pending: Map<string, Pending>,
): Promise<void> {
  return new Promise((resolve) => {
    const entry: Pending = {
      sent: false,
      deferred: false,
      applicationId: data.application_id ?? '',
      send(body) {
        if (entry.sent) return;
        entry.sent = true;
        clearTimeout(timer);
        reply(res, 200, body);
        resolve();
      },
    };
    const timer = setTimeout(() => {
      if (entry.sent) return;
      entry.deferred = true;
      // Autocomplete cannot be deferred: no suggestions rather than none at all.
      entry.send(
        data.type === AUTOCOMPLETE
          ? { type: 8, data: { choices: [] } }
          : { type: data.type === COMPONENT ? 6 : 5 },
      );
    }, ANSWER_WITHIN_MS);
    pending.set(data.id, entry);
    // Forget the interaction once its token has long expired (15 minutes).
    setTimeout(() => pending.delete(data.id), 15 * 60_000).unref();
    const actions = (client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } })
      .actions;
    try {
      // Entitlements need the logged-in application, which a stateless replica has not got;
      // Citebot sells nothing, so none are read.
      actions.InteractionCreate.handle({
        authorizing_integration_owners: {},
        ...data,
        entitlements: [],
      });
    } catch (error) {
      options.logger.error({ err: error, interaction: data.id }, 'could not read the interaction');
      entry.send({
        type: 4,
        data: {
          content: 'Sorry, that request could not be read.',
          flags: 64,
          allowed_mentions: { parse: [] },
        },
      });
    }
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, or null past {@link MAX_BODY_BYTES}. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
