/**
 * Turns a fetched body into text: the charset from the Content-Type header, else a byte-order mark,
 * else `<meta charset>` / http-equiv or an XML declaration near the top, else UTF-8 when the bytes
 * are valid UTF-8 and windows-1252 when not.
 */
import { TextDecoder } from 'node:util';

/** The `charset` parameter of a Content-Type header value, lower case, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The charset a document declares in its first bytes (meta tag or XML declaration), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/** Decodes `bytes` following the rules above; never throws. */
export function decodeBody(
  bytes: Uint8Array,
  contentType?: string | null,
): { text: string; charset: string } {
  const bom = bomCharset(bytes);
  for (const label of [headerCharset(contentType), bom, declaredCharset(bytes)]) {
    const decoder = label ? decoderFor(label) : null;
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: WINDOWS_1252.decode(bytes), charset: 'windows-1252' };
  }
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder | null {
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'windows-1252' ? WINDOWS_1252 : decoder;
  } catch {
    return null;
  }
}

/** C1 range of windows-1252 (0x80–0x9F); undefined bytes stay as their C1 code points. */
const C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * windows-1252 by hand: Node 20's TextDecoder decodes that label (and latin1, iso-8859-1) as
 * ISO-8859-1, turning curly quotes into C1 control characters.
 */
const WINDOWS_1252: Decoder = {
  encoding: 'windows-1252',
  decode(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const piece = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...piece);
    }
    return out.replace(/[\x80-\x9f]/g, (c) => C1[c.charCodeAt(0) - 0x80] as string);
  },
};
