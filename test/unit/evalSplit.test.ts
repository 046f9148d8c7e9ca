import { describe, expect, it } from 'vitest';
import { fnv1a, halfOf } from '../../scripts/eval/cnndm.js';

describe('CNN/DailyMail tuning and checking halves', () => {
  it('hashes ids with 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts an id in the same half every time: even hash → tuning', () => {
    for (const id of ['cnn-test-1', 'dm-test-2', 'x']) {
      expect(halfOf(id)).toBe(fnv1a(id) % 2 === 0 ? 'tuning' : 'checking');
      expect(halfOf(id)).toBe(halfOf(id));
    }
  });
});
