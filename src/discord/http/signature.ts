/**
 * Discord's request signatures: Ed25519 over `X-Signature-Timestamp` + the raw body, checked with
 * node's own crypto against the application's public key (hex, from the developer portal).
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** How far a timestamp may lie from now before the request is refused as stale. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * The public key for verification.
 * @throws Error when `hex` is not 64 hex digits
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** True when the signature is valid and the timestamp within {@link MAX_CLOCK_SKEW_S} of `nowS`. */
export function verifyRequest(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowS = Date.now() / 1000,
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d{1,12}$/.test(timestamp))
    return false;
  if (Math.abs(nowS - Number(timestamp)) > MAX_CLOCK_SKEW_S) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
