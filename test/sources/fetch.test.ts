/** The safe fetcher against a local server on 127.0.0.1 (no other address is ever contacted). */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../../src/sources/address.js';
import { SourceError } from '../../src/sources/errors.js';
import { type FetchOptions, fetchText, USER_AGENT } from '../../src/sources/fetch.js';
import {
  endless,
  gzipBomb,
  type PageServer,
  redirect,
  send,
  startPageServer,
} from '../support/pageServer.js';

const allow = parseAllowList('127.0.0.1');
const MiB = 1024 * 1024;
const big = endless(20 * MiB);
const bomb = gzipBomb(1024 * MiB);
let server: PageServer;
let url: (path: string) => string;

/** A resolver for made-up names, answering each in turn (the last one again); others go to the system. */
function fakeDns(answers: Record<string, string[]>): LookupFunction {
  return (hostname, options, callback) => {
    const list = answers[hostname];
    const cb = callback as (e: NodeJS.ErrnoException | null, a: unknown, f?: number) => void;
    if (!list?.length) return dns.lookup(hostname, options, callback);
    const address = list.length > 1 ? (list.shift() as string) : (list[0] as string);
    if (options.all) cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    else cb(null, address, address.includes(':') ? 6 : 4);
  };
}

async function failure(target: string, options: FetchOptions = { allow }): Promise<SourceError> {
  const error = await fetchText(target, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

beforeAll(async () => {
  const chain: Record<string, ReturnType<typeof redirect>> = {};
  for (let i = 1; i <= 6; i++) chain[`/hop${i}`] = redirect(i === 6 ? '/page' : `/hop${i + 1}`);
  server = await startPageServer({
    '/page': (req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<p>Hello ${req.headers['user-agent']} café</p>`),
    '/latin1': send(
      Buffer.from('<p>caf\xe9 \x93quoted\x94</p>', 'latin1'),
      'text/html; charset=windows-1252',
    ),
    '/meta': send(Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9</p>', 'latin1'), 'text/html'),
    '/undeclared': send(Buffer.from('<p>caf\xe9</p>', 'latin1'), 'text/html'),
    '/text': send('Plain words.', 'text/plain'),
    '/binary': send(Buffer.from([0, 1, 2, 3, 255]), 'application/octet-stream'),
    '/image': send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    '/feed': (req, res) => {
      if (
        req.headers['if-none-match'] === '"v1"' ||
        req.headers['if-modified-since'] === 'Tue, 01 Dec 2026 10:00:00 GMT'
      ) {
        return res.writeHead(304, { etag: '"v1"' }).end();
      }
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
        })
        .end('<rss version="2.0"><channel><title>T</title></channel></rss>');
    },
    ...chain,
    '/five': redirect('/hop3'),
    '/loop-a': redirect('/loop-b', 301),
    '/loop-b': redirect('/loop-a', 308),
    '/to-other-loopback': redirect('http://127.0.0.2:1/'),
    '/to-localhost': redirect('http://localhost:1/x'),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-mapped': redirect('http://[::ffff:7f00:2]:1/'),
    '/to-name': (_req, res) =>
      res.writeHead(302, { location: `http://rebind.test:${server.port}/page` }).end(),
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('gone'),
    '/error': (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('oops'),
    '/big': big,
    '/declared-big': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * MiB) }).end(),
    '/bomb': bomb,
    '/silent': () => {},
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>more</p>'), 50);
      res.on('close', () => clearInterval(timer));
    },
  });
  url = (path) => `${server.origin}${path}`;
});

afterAll(() => server.close());

describe('fetchText', () => {
  it('fetches a page with a User-Agent naming Citebot and its version', async () => {
    const result = await fetchText(url('/page'), { allow });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(USER_AGENT).toMatch(/^Citebot\/\d+\.\d+\.\d+/);
    expect(result.text).toBe(`<p>Hello ${USER_AGENT} café</p>`);
    expect(result.contentType).toBe('text/html');
    expect(result.url).toBe(url('/page'));
  });

  it('decodes the charset of the header, of a meta tag, and falls back to windows-1252', async () => {
    const text = async (path: string) => {
      const r = await fetchText(url(path), { allow });
      return r.status === 'ok' ? r.text : null;
    };
    expect(await text('/latin1')).toBe('<p>café “quoted”</p>');
    expect(await text('/meta')).toContain('café');
    expect(await text('/undeclared')).toBe('<p>café</p>');
    expect(await text('/text')).toBe('Plain words.');
  });

  it('refuses content types other than HTML or plain text', async () => {
    for (const path of ['/binary', '/image', '/feed']) {
      const error = await failure(url(path));
      expect(error.code).toBe('bad-input');
      expect(error.message).toMatch(/not an HTML or plain-text page/);
    }
  });

  it('sends validators and reports 304 as not modified', async () => {
    const first = await fetchText(url('/feed'), { allow, accept: 'feed' });
    expect(first).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    const again = await fetchText(url('/feed'), { allow, accept: 'feed', etag: '"v1"' });
    expect(again).toMatchObject({ status: 'not-modified', etag: '"v1"' });
    const since = await fetchText(url('/feed'), {
      allow,
      accept: 'feed',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(since.status).toBe('not-modified');
  });

  it('follows five redirects, not six, and detects loops', async () => {
    const five = await fetchText(url('/five'), { allow });
    expect(five).toMatchObject({ status: 'ok', url: url('/page') });
    const six = await failure(url('/hop1'));
    expect(six).toMatchObject({ code: 'fetch-failed', message: 'The page redirected more than 5 times.' });
    expect((await failure(url('/loop-a'))).message).toMatch(/loop/);
  });

  it('refuses a redirect to an address outside the allow list', async () => {
    for (const path of ['/to-other-loopback', '/to-mapped']) {
      const error = await failure(url(path));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/redirected/);
    }
    expect((await failure(url('/to-file'))).code).toBe('forbidden');
    // A name that resolves to loopback (localhost, through the system resolver) is refused too,
    // when only the first host is allowed, by name.
    const lookup = fakeDns({ 'start.test': ['127.0.0.1'] });
    const byName = parseAllowList('start.test');
    const viaName = await failure(`http://start.test:${server.port}/to-localhost`, { allow: byName, lookup });
    expect(viaName.code).toBe('forbidden');
  });

  it('checks every resolved address at connect time (no DNS rebinding)', async () => {
    const lookup = fakeDns({ 'rebind.test': ['127.0.0.1', '127.0.0.2'] });
    const empty = parseAllowList('');
    // Not allowed at all: the name resolves to loopback.
    expect((await failure(`http://rebind.test:${server.port}/page`, { allow: empty, lookup })).code).toBe(
      'forbidden',
    );
    // Allowed while it resolves to 127.0.0.1, refused when the same name then resolves to 127.0.0.2.
    const lookup2 = fakeDns({ 'rebind.test': ['127.0.0.1', '127.0.0.2'] });
    expect(
      (await fetchText(`http://rebind.test:${server.port}/page`, { allow, lookup: lookup2 })).status,
    ).toBe('ok');
    expect((await failure(`http://rebind.test:${server.port}/page`, { allow, lookup: lookup2 })).code).toBe(
      'forbidden',
    );
    // The same through a redirect.
    const lookup3 = fakeDns({ 'rebind.test': ['127.0.0.2'] });
    const error = await failure(url('/to-name'), { allow, lookup: lookup3 });
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toMatch(/redirected/);
  });

  it('allows a host name the allow list names, whatever it resolves to', async () => {
    const lookup = fakeDns({ 'intranet.test': ['127.0.0.1'] });
    const byName = parseAllowList('intranet.test');
    const result = await fetchText(`http://intranet.test:${server.port}/page`, { allow: byName, lookup });
    expect(result.status).toBe('ok');
  });

  it('refuses loopback written in odd forms when it is not allowed', async () => {
    const none = parseAllowList('');
    const port = server.port;
    for (const host of [
      '127.0.0.1',
      '0x7f.1',
      '2130706433',
      '0177.0.0.1',
      '127.1',
      '0x7f000001',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '0.0.0.0',
      '[::]',
      'localhost',
    ]) {
      const error = await failure(`http://${host}:${port}/page`, { allow: none });
      expect(error.code, host).toBe('forbidden');
    }
    // The same odd forms are recognised as the allowed address.
    for (const host of ['0x7f.1', '2130706433', '[::ffff:127.0.0.1]']) {
      const allowed = await fetchText(`http://${host}:${port}/page`, { allow });
      expect(allowed.status, host).toBe('ok');
    }
  });

  it('refuses what is not an http(s) URL, and URLs with credentials', async () => {
    for (const target of ['ftp://127.0.0.1/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect((await failure(target)).code, target).toBe('bad-input');
    }
    expect((await failure(`http://user:secret@127.0.0.1:${server.port}/page`)).code).toBe('bad-input');
  });

  it('fails on HTTP error statuses and unreachable servers', async () => {
    expect(await failure(url('/missing'))).toMatchObject({
      code: 'fetch-failed',
      message: 'The site answered with HTTP status 404.',
    });
    expect((await failure(url('/error'))).code).toBe('fetch-failed');
    const closed = await startPageServer({});
    const port = closed.port;
    await closed.close();
    expect((await failure(`http://127.0.0.1:${port}/`)).code).toBe('fetch-failed');
  });

  it('times out over the whole request, body included', async () => {
    const silent = await failure(url('/silent'), { allow, timeoutMs: 300 });
    expect(silent).toMatchObject({
      code: 'fetch-failed',
      message: 'The site did not answer within 0.3 seconds.',
    });
    const started = Date.now();
    const drip = await failure(url('/drip'), { allow, timeoutMs: 400 });
    expect(drip.code).toBe('fetch-failed');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops a 20 MiB page early, and refuses a declared size over the cap', async () => {
    const error = await failure(url('/big'));
    expect(error).toMatchObject({ code: 'bad-input', message: 'The page is larger than 5 MiB.' });
    await new Promise((r) => setTimeout(r, 50));
    expect(big.sent()).toBeLessThan(12 * MiB);
    expect((await failure(url('/declared-big'))).code).toBe('bad-input');
  });

  it('stops a gzip bomb at 5 MiB decoded', async () => {
    const error = await failure(url('/bomb'));
    expect(error).toMatchObject({ code: 'bad-input', message: 'The page is larger than 5 MiB.' });
    await new Promise((r) => setTimeout(r, 50));
    // What the server generated ahead of the socket buffers; far from the whole GiB.
    expect(bomb.produced()).toBeLessThan(512 * MiB);
  });
});
