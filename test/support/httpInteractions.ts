/** Signed requests to the HTTP interactions endpoint, a REST stub for webhook edits, and a server under test. */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { createRest, type HttpInteractionsServer, startHttpServer } from '../../src/discord/http/server.js';
import { publicKeyFromHex } from '../../src/discord/http/verify.js';
import { Lifecycle } from '../../src/discord/lifecycle.js';
import { AbuseGuard } from '../../src/discord/rateLimit.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { Libraries } from '../../src/library/libraries.js';
import { createLogger } from '../../src/log.js';
import { EMPTY_ALLOW_LIST } from '../../src/sources/address.js';

export interface KeyPair {
  privateKey: KeyObject;
  publicHex: string;
}

export function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicHex: der.subarray(der.length - 32).toString('hex') };
}

export interface Reply {
  status: number;
  body: string;
  json: () => Record<string, unknown>;
  ms: number;
}

/** POSTs `body` to /interactions, signed with `key` unless `headers` override. */
export function post(
  port: number,
  body: string | Buffer,
  key: KeyObject | null,
  options: { timestamp?: string; headers?: Record<string, string>; path?: string } = {},
): Promise<Reply> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-signature-timestamp': timestamp,
  };
  if (key)
    headers['x-signature-ed25519'] = sign(null, Buffer.concat([Buffer.from(timestamp), raw]), key).toString(
      'hex',
    );
  Object.assign(headers, options.headers);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path ?? '/interactions',
        method: 'POST',
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            json: () => JSON.parse(text),
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(raw);
  });
}

export function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    })
      .on('error', reject)
      .end();
  });
}

let counter = 0;
/** A raw /ask interaction payload as Discord sends it. */
export function askPayload(question: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const id = `${1300000000000000000n + BigInt(counter)}`;
  return {
    id,
    application_id: '1200000000000000001',
    type: 2,
    token: `token-${id}`,
    channel_id: `${1400000000000000000n + BigInt(counter)}`,
    user: { id: `${1500000000000000000n + BigInt(counter)}` },
    data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
    ...extra,
  };
}

/** A stand-in for Discord's REST: records every request (the webhook edits). */
export class RestStub {
  /** Every request, with when it arrived (performance.now()). */
  readonly requests: { method: string; path: string; body: unknown; at: number }[] = [];
  /** Hears of each request as it arrives. */
  onRequest: ((request: { method: string; path: string; body: unknown; at: number }) => void) | null = null;
  private server: Server | undefined;
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo | undefined)?.port ?? 0}/api`;
  }
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = text; // a multipart upload (discord.js sends some callbacks so)
        }
        const request = { method: req.method ?? '', path: req.url ?? '', body, at: performance.now() };
        this.requests.push(request);
        this.onRequest?.(request);
        res.writeHead(200, { 'content-type': 'application/json' });
        // Command registration reads and writes lists; everything else is a message.
        if (/\/commands(?:\?|$)/.test(req.url ?? '')) return void res.end('[]');
        res.end(JSON.stringify({ id: '1', content: '', embeds: [] }));
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
  }
  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

export interface EndpointUnderTest {
  keys: KeyPair;
  holder: LibraryHolder;
  lifecycle: Lifecycle;
  rest: RestStub;
  http: HttpInteractionsServer;
  stop(): Promise<void>;
}

/** The endpoint in this process on 127.0.0.1, with an empty holder (set it to become ready). */
export async function startEndpoint(deadlineMs?: number): Promise<EndpointUnderTest> {
  const keys = keyPair();
  const rest = new RestStub();
  await rest.start();
  const holder = new LibraryHolder();
  const lifecycle = new Lifecycle();
  const http = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    publicKey: publicKeyFromHex(keys.publicHex),
    holder,
    libraries: new Libraries({
      shared: holder,
      root: mkdtempSync(path.join(tmpdir(), 'citebot-http-libraries-')),
      sharedDir: DEFAULT_DATA_DIR,
      allow: EMPTY_ALLOW_LIST,
      logger: createLogger('silent'),
      watch: false,
    }),
    logger: createLogger('silent'),
    lifecycle,
    guard: new AbuseGuard(null, null),
    rest: createRest(rest.apiUrl, 'test-token'),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
  });
  return {
    keys,
    holder,
    lifecycle,
    rest,
    http,
    async stop() {
      await http.close();
      await rest.stop();
    },
  };
}
