/**
 * Reads a response body into memory, undoing its Content-Encoding (gzip, deflate, br) on the way,
 * and stops as soon as the **decoded** size passes the cap, so a compression bomb costs little.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** Thrown when the decoded body is larger than the cap. */
export class TooLargeError extends Error {}

/** Thrown when the Content-Encoding is not one we can undo. */
export class EncodingError extends Error {}

/** The decoder for one Content-Encoding token, or null for identity. */
function decoder(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new EncodingError(`unsupported content encoding ${encoding}`);
  }
}

/**
 * Collects `body` (decoded per `contentEncoding`, a header value like `gzip` or `deflate, gzip`)
 * up to `maxBytes`; rejects with {@link TooLargeError} past it, destroying the streams.
 */
export async function readBody(body: Readable, contentEncoding: string, maxBytes: number): Promise<Buffer> {
  const tokens = contentEncoding
    .toLowerCase()
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '' && t !== 'identity')
    .reverse();
  const stages = tokens.map(decoder).filter((d) => d !== null);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  const sink = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        throw new TooLargeError(`body larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  };
  // pipeline destroys every stage on an error or an early stop, the source included.
  // (It may reject with an AbortError from tearing down rather than the sink's own error.)
  try {
    await (pipeline as (...streams: unknown[]) => Promise<void>)(body, ...stages, sink);
  } catch (error) {
    throw over ? new TooLargeError(`body larger than ${maxBytes} bytes`) : error;
  }
  return Buffer.concat(chunks);
}
