/**
 * The fixed tuning/checking split, by article id, used by every set that is split. Rules are
 * written from the tuning half only; the checking half is only measured.
 */

export type Half = 'tuning' | 'checking';

/** 32-bit FNV-1a of the id's UTF-16 code units: stable across runs, machines and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Even hash → tuning, odd → checking. */
export function halfOf(articleId: string): Half {
  return fnv1a(articleId) % 2 === 0 ? 'tuning' : 'checking';
}
