/**
 * Discord's HTTP interactions (README: "Deployment"): `POST /interactions` verified with the
 * application's Ed25519 public key and answered by the gateway bot's own handler, and
 * `GET /healthz` for a load balancer.
 */

import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Interaction, REST, Routes } from 'discord.js';
import type { FeedPoller } from '../../library/feeds.js';
import type { LibraryHolder } from '../../library/holder.js';
import type { Libraries } from '../../library/libraries.js';
import type { Logger } from '../../log.js';
import { createInteractionHandler } from '../interactions.js';
import type { Lifecycle } from '../lifecycle.js';
import type { AbuseGuard } from '../rateLimit.js';
import { apiBody, note } from '../respond.js';
import { type CallbackBody, HttpInteraction, InteractionKind, type RawInteraction } from './adapter.js';
import { verifyInteraction } from './verify.js';

/** The largest request body read (Discord's payloads are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** When an answer is not ready by then, a deferred response goes instead (Discord waits 3 s). */
export const DEFAULT_DEADLINE_MS = 2500;

export interface HttpServerOptions {
  host: string;
  port: number;
  publicKey: KeyObject;
  holder: LibraryHolder;
  /** Every library; a request answers from the shared one plus the one where it is asked. */
  libraries: Libraries;
  feeds?: FeedPoller | null;
  logger: Logger;
  lifecycle: Lifecycle;
  guard: AbuseGuard;
  /** REST for the webhook edits (`DISCORD_API_URL`). */
  rest: REST;
  deadlineMs?: number;
}

export interface HttpInteractionsServer {
  server: Server;
  port: number;
  /**
   * Starts shutting down: /healthz answers 503 from now on (a load balancer takes the replica out)
   * while the endpoint keeps listening, so requests in flight finish and late ones get a polite
   * "restarting" reply rather than a refused connection.
   */
  beginDrain(): void;
  /** Stops listening and resolves once the open requests are answered. */
  close(): Promise<void>;
}

/** A REST client for webhook edits, pointed at `DISCORD_API_URL`. */
export function createRest(apiUrl: string, token: string): REST {
  return new REST({ api: apiUrl }).setToken(token);
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpInteractionsServer> {
  const { holder, logger, lifecycle } = options;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const handle = createInteractionHandler({
    holder,
    libraries: options.libraries,
    feeds: options.feeds ?? null,
    logger,
    guard: options.guard,
    lifecycle,
  });
  let closing = false;

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && (url === '/healthz' || url.startsWith('/healthz?'))) {
      const library = holder.current;
      if (!library || closing || lifecycle.draining)
        return json(res, 503, { status: closing || lifecycle.draining ? 'draining' : 'starting' });
      return json(res, 200, { status: 'ok', articles: library.articles.length });
    }
    if (url === '/interactions' || url.startsWith('/interactions?')) {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
      void lifecycle.track(interactions(req, res));
      return;
    }
    json(res, 404, { error: 'not found' });
  });

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, res);
    if (!body) return;
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyInteraction(options.publicKey, signature, timestamp, body)) {
      return json(res, 401, { error: 'invalid request signature' });
    }
    let raw: RawInteraction;
    try {
      raw = JSON.parse(body.toString('utf8')) as RawInteraction;
      if (typeof raw !== 'object' || raw === null || typeof raw.type !== 'number') throw new Error('not one');
    } catch {
      return json(res, 400, { error: 'the body is not an interaction (JSON)' });
    }
    if (raw.type === InteractionKind.Ping) return json(res, 200, { type: 1 });
    await answerInteraction(raw, res);
  }

  async function answerInteraction(raw: RawInteraction, res: ServerResponse): Promise<void> {
    let sent = false;
    const transport = {
      respond(callback: CallbackBody): boolean {
        if (sent || res.writableEnded) return false;
        sent = true;
        json(res, 200, callback);
        return true;
      },
      async editOriginal(edit: Record<string, unknown>): Promise<void> {
        await options.rest.patch(Routes.webhookMessage(raw.application_id, raw.token, '@original'), {
          body: edit,
          auth: false,
        });
      },
      async deleteOriginal(): Promise<void> {
        await options.rest.delete(Routes.webhookMessage(raw.application_id, raw.token, '@original'), {
          auth: false,
        });
      },
      async followUp(body: Record<string, unknown>): Promise<void> {
        await options.rest.post(Routes.webhook(raw.application_id, raw.token), { body, auth: false });
      },
    };
    const interaction = new HttpInteraction(raw, transport);
    const timer = setTimeout(() => {
      interaction.deferNow();
      if (interaction.deferred) logger.debug({ interaction: raw.id }, 'deferred: the answer is late');
    }, deadlineMs);
    try {
      await handle(interaction as unknown as Interaction);
    } finally {
      clearTimeout(timer);
    }
    // An interaction the handler does not know (another menu, a component that is not ours).
    if (!sent)
      transport.respond({ type: 4, data: apiBody(note('Citebot does not know this command.'), true) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: options.host, port }, 'HTTP interactions endpoint listening');

  return {
    server,
    port,
    beginDrain() {
      closing = true;
    },
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The raw body, or null after answering 413 (too large) or when the client went away. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    res.setHeader('connection', 'close');
    json(res, 413, { error: 'request body too large' });
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        res.setHeader('connection', 'close');
        json(res, 413, { error: 'request body too large' });
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', () => {
      if (!done) {
        done = true;
        resolve(null);
      }
    });
  });
}
