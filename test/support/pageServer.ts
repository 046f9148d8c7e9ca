/**
 * A local HTTP server for fetcher, extraction and feed tests, on 127.0.0.1 only, with a route table
 * the test provides and helpers for the awkward answers (redirects, huge and compressed bodies).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests seen, by path, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a server answering each path in `routes`; anything else is a 404. */
export async function startPageServer(routes: Record<string, Handler>): Promise<PageServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const path = (req.url ?? '/').split('?')[0] as string;
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with `body` and the given content type (and extra headers). */
export function send(body: string | Buffer, type = 'text/html; charset=utf-8', headers = {}): Handler {
  return (_req, res) => res.writeHead(200, { 'content-type': type, ...headers }).end(body);
}

/** A redirect to `location` (absolute or relative). */
export function redirect(location: string, status = 302): Handler {
  return (_req, res) => res.writeHead(status, { location }).end();
}

/** Streams `total` bytes of `fill` as HTML; `sent()` tells how many were written before the client left. */
export function endless(total: number, type = 'text/html'): Handler & { sent(): number } {
  let sent = 0;
  const handler: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const source = zeros(total, chunk, (n) => {
      sent += n;
    });
    source.pipe(res);
    res.on('close', () => source.destroy());
  };
  return Object.assign(handler, { sent: () => sent });
}

/**
 * A gzip bomb: `total` bytes of zeros, gzip-compressed on the fly and streamed with
 * Content-Encoding gzip. `produced()` tells how many uncompressed bytes were generated.
 */
export function gzipBomb(total: number): Handler & { produced(): number } {
  let produced = 0;
  const handler: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    const source = zeros(total, Buffer.alloc(1024 * 1024), (n) => {
      produced += n;
    });
    const gzip = createGzip({ level: 1 });
    source.pipe(gzip).pipe(res);
    res.on('close', () => {
      source.destroy();
      gzip.destroy();
    });
  };
  return Object.assign(handler, { produced: () => produced });
}

function zeros(total: number, chunk: Buffer, count: (n: number) => void): Readable {
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      count(piece.length);
      this.push(piece);
    },
  });
}
