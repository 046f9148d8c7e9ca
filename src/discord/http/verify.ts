/**
 * Ed25519 verification of Discord's HTTP interactions with node's own crypto: the signature in
 * `X-Signature-Ed25519` covers `X-Signature-Timestamp` followed by the raw body.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a timestamp may be from now. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Imports a 32-byte Ed25519 public key given as 64 hex digits. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex.trim())) throw new Error('an Ed25519 public key is 64 hex digits');
  const der = Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex.trim(), 'hex')]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' });
}

/**
 * True when the signature is valid and the timestamp is a number of seconds within five minutes
 * of `nowMs`.
 */
export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): boolean {
  if (!signature || !timestamp) return false;
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  if (!/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signature, 'hex'),
    );
  } catch {
    return false;
  }
}
