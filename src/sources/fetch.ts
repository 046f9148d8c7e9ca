/**
 * The safe fetcher (CONTRACT §6): GET an http(s) page or feed, refusing addresses on private and
 * local networks unless allowed. Every resolved address is checked when the connection is made
 * (a custom DNS lookup in undici's connector), so DNS rebinding cannot slip past a check done
 * earlier; IP literals are checked before connecting, at the first request and at every redirect.
 */
import dns from 'node:dns';
import { createRequire } from 'node:module';
import type { LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { type AllowList, allowsAddress, allowsHost, EMPTY_ALLOW_LIST, refusedRange } from './address.js';
import { EncodingError, readBody, TooLargeError } from './body.js';
import { decodeBody } from './charset.js';
import { SourceError } from './errors.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The User-Agent of every request. */
export const USER_AGENT = `Citebot/${version} (Discord bot quoting news articles)`;

export const MAX_BYTES = 5 * 1024 * 1024;
export const TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;

const TYPES = {
  page: ['text/html', 'application/xhtml+xml', 'text/plain'],
  feed: [
    'application/rss+xml',
    'application/atom+xml',
    'application/feed+json',
    'application/json',
    'application/xml',
    'text/xml',
    'application/rdf+xml',
    'text/plain',
  ],
} as const;

const ACCEPT = {
  page: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1',
} as const;

export interface FetchOptions {
  /** Hosts and ranges that may be fetched even though private or local (CITEBOT_FETCH_ALLOW, parsed). */
  allow?: AllowList;
  /** Which content types are accepted: a page (HTML, plain text; the default) or a feed (XML, JSON). */
  accept?: 'page' | 'feed';
  /** Validators from an earlier answer, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Over the whole request, redirects and body included; default 10 s. */
  timeoutMs?: number;
  /** Cap on the decoded body; default 5 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Name resolution, for tests; default `dns.lookup`. */
  lookup?: LookupFunction;
}

export interface FetchedText {
  status: 'ok';
  /** The address finally answered, after redirects. */
  url: string;
  /** The media type, lower case, without parameters. */
  contentType: string;
  charset: string;
  text: string;
  etag: string | null;
  lastModified: string | null;
}

export interface NotModified {
  status: 'not-modified';
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult = FetchedText | NotModified;

/** Raised inside the connector's lookup when every resolved address is refused. */
class AddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly range: string,
  ) {
    super(`${host} resolves to a ${range} address`);
  }
}

/**
 * Fetches `url` with GET, following up to 5 redirects.
 * Throws {@link SourceError}: `bad-input` (not http(s), credentials in the URL, a refused content
 * type, too big), `forbidden` (a refused address, first or at a redirect), `fetch-failed` (network
 * error, HTTP error status, time-out, too many redirects or a loop).
 */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const kind = options.accept ?? 'page';
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const agent = new Agent({
    connect: { lookup: guardedLookup(allow, options.lookup ?? dns.lookup) },
    connections: 4,
  });
  const seen = new Set<string>();
  let current = firstUrl(url);
  try {
    for (let hop = 0; ; hop++) {
      checkLiteral(current, allow, hop > 0);
      seen.add(current.href);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: ACCEPT[kind],
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'en;q=1, *;q=0.5',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const response = await request(current, { method: 'GET', headers, dispatcher: agent, signal }).catch(
        (error: unknown) => {
          throw networkError(error, hop > 0, timeout.aborted, timeoutMs);
        },
      );
      const header = (name: string) => {
        const v = response.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      const { statusCode } = response;
      if ([301, 302, 303, 307, 308].includes(statusCode) && header('location')) {
        discard(response.body);
        if (hop >= MAX_REDIRECTS) {
          throw new SourceError('fetch-failed', `The page redirected more than ${MAX_REDIRECTS} times.`);
        }
        current = redirectUrl(header('location') as string, current);
        if (seen.has(current.href)) throw new SourceError('fetch-failed', 'The page redirects in a loop.');
        continue;
      }
      const validators = { etag: header('etag'), lastModified: header('last-modified') };
      if (statusCode === 304) {
        discard(response.body);
        return { status: 'not-modified', url: current.href, ...validators };
      }
      if (statusCode < 200 || statusCode >= 300) {
        discard(response.body);
        throw new SourceError('fetch-failed', `The site answered with HTTP status ${statusCode}.`);
      }
      const contentType = (header('content-type') ?? '').trim();
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(TYPES[kind] as readonly string[]).includes(mediaType)) {
        discard(response.body);
        const what = kind === 'page' ? 'an HTML or plain-text page' : 'an RSS, Atom or JSON feed';
        throw new SourceError(
          'bad-input',
          `That address is not ${what} (it is ${mediaType || 'of no stated type'}).`,
        );
      }
      const length = Number(header('content-length') ?? Number.NaN);
      const encoding = header('content-encoding') ?? '';
      if ((encoding === '' || encoding === 'identity') && length > maxBytes) {
        discard(response.body);
        throw tooLarge(maxBytes);
      }
      const bytes = await readBody(response.body, encoding, maxBytes).catch((error: unknown) => {
        if (error instanceof TooLargeError) throw tooLarge(maxBytes);
        if (error instanceof EncodingError) {
          throw new SourceError('fetch-failed', 'The site sent the page in an encoding Citebot cannot read.');
        }
        throw networkError(error, false, timeout.aborted, timeoutMs);
      });
      const { text, charset } = decodeBody(bytes, contentType);
      return { status: 'ok', url: current.href, contentType: mediaType, charset, text, ...validators };
    }
  } finally {
    agent.destroy().catch(() => {});
  }
}

/** Drops a body we will not read, without an unhandled error event. */
function discard(body: { on(event: 'error', f: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

function firstUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SourceError(
      'bad-input',
      'That is not a web address (it should start with http:// or https://).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceError('bad-input', 'Only http and https addresses can be fetched.');
  }
  if (url.username || url.password) {
    throw new SourceError('bad-input', 'Addresses with a user name or password in them are not fetched.');
  }
  return url;
}

function redirectUrl(location: string, base: URL): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new SourceError('fetch-failed', 'The page redirected to an address that is not valid.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new SourceError('forbidden', 'The page redirected to an address that Citebot may not fetch.');
  }
  url.hash = '';
  return url;
}

/** Refuses a URL whose host is an IP literal in a refused range (the connector's lookup never sees those). */
function checkLiteral(url: URL, allow: AllowList, redirected: boolean): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const range = refusedRange(host);
  if (range === 'invalid' || range === null) return; // a name, or a public address
  if (allowsHost(allow, host) || allowsAddress(allow, host)) return;
  throw forbidden(redirected);
}

function forbidden(redirected: boolean): SourceError {
  return new SourceError(
    'forbidden',
    redirected
      ? 'The page redirected to a private or local network address, which Citebot may not fetch.'
      : 'That address is on a private or local network, which Citebot may not fetch.',
  );
}

function tooLarge(maxBytes: number): SourceError {
  return new SourceError('bad-input', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
}

/** Maps an undici or socket error to a SourceError. */
function networkError(
  error: unknown,
  redirected: boolean,
  timedOut: boolean,
  timeoutMs: number,
): SourceError {
  if (error instanceof SourceError) return error;
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof AddressRefused) return forbidden(redirected);
  }
  if (timedOut) {
    return new SourceError('fetch-failed', `The site did not answer within ${timeoutMs / 1000} seconds.`, {
      cause: error,
    });
  }
  const code = (error as { code?: string })?.code;
  const detail = code && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
  return new SourceError('fetch-failed', `The site could not be reached${detail}.`, { cause: error });
}

/**
 * Wraps a DNS lookup so that only allowed addresses come back: public ones, ones in the allow
 * list's ranges, or any when the host name itself is allowed. None left → {@link AddressRefused}.
 */
function guardedLookup(allow: AllowList, lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, '', 4);
      const all = (Array.isArray(found) ? found : [{ address: found, family: 4 }]) as dns.LookupAddress[];
      const hostAllowed = allowsHost(allow, hostname);
      const ok = all.filter(
        (a) => hostAllowed || refusedRange(a.address) === null || allowsAddress(allow, a.address),
      );
      if (ok.length === 0) {
        const range = all[0] ? (refusedRange(all[0].address) ?? 'refused') : 'refused';
        return callback(new AddressRefused(hostname, range) as NodeJS.ErrnoException, '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      const first = ok[0] as dns.LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
