import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_RATE, DEFAULT_USER_RATE, loadConfig, parseRate } from '../../src/config.js';
import { Lifecycle } from '../../src/discord/lifecycle.js';
import { AbuseGuard, TokenBuckets } from '../../src/discord/rateLimit.js';

describe('rate limits', () => {
  it('parses N/S and off, and rejects anything else', () => {
    expect(parseRate('5/10', null)).toEqual({ requests: 5, seconds: 10 });
    expect(parseRate(' 3 / 1.5s ', null)).toEqual({ requests: 3, seconds: 1.5 });
    expect(parseRate('off', { requests: 1, seconds: 1 })).toBeNull();
    expect(parseRate(undefined, { requests: 1, seconds: 1 })).toEqual({ requests: 1, seconds: 1 });
    expect(() => parseRate('lots', null)).toThrow(/not a rate/);
    expect(() => parseRate('0/10', null)).toThrow();
  });

  it('lets a burst of N through, refills at N per S seconds, and tells how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets({ requests: 2, seconds: 10 }, () => now);
    for (let i = 0; i < 2; i++) {
      expect(buckets.waitFor('a', 1)).toBe(0);
      buckets.take('a', 1);
    }
    expect(buckets.waitFor('a', 1)).toBe(5000);
    expect(buckets.waitFor('b', 1)).toBe(0);
    now = 5000;
    expect(buckets.waitFor('a', 1)).toBe(0);
  });

  it('by default lets a newcomer run a dozen commands and page clicks in 15 s', () => {
    let now = 0;
    const guard = new AbuseGuard(DEFAULT_USER_RATE, DEFAULT_CHANNEL_RATE, () => now);
    for (let i = 0; i < 12; i++) {
      expect(guard.check('u1', 'c', 'command')).toBe(0);
      expect(guard.check('u1', 'c', 'page')).toBe(0);
      now += 1200;
    }
  });

  it('by default stops 60 commands in 10 s, and lets the user back in later', () => {
    let now = 0;
    const guard = new AbuseGuard(DEFAULT_USER_RATE, DEFAULT_CHANNEL_RATE, () => now);
    let refused = 0;
    for (let i = 0; i < 60; i++) {
      if (guard.check('flood', 'c') > 0) refused++;
      now += 166;
    }
    expect(refused).toBeGreaterThanOrEqual(30);
    now += 60_000;
    expect(guard.check('flood', 'c')).toBe(0);
  });

  it('never refuses autocomplete, and a refused request costs nothing', () => {
    let now = 0;
    const guard = new AbuseGuard({ requests: 1, seconds: 5 }, { requests: 2, seconds: 30 }, () => now);
    expect(guard.check('u1', 'c')).toBe(0);
    expect(guard.check('u1', 'c')).toBe(5);
    expect(guard.check('u1', 'c', 'autocomplete')).toBe(0);
    expect(guard.check('u2', 'c')).toBe(0);
    // The channel is empty now: u3 waits for it, in whole seconds.
    expect(guard.check('u3', 'c')).toBe(15);
    now = 15_000;
    expect(guard.check('u3', 'c')).toBe(0);
  });

  it('names a bad rate setting, and keeps the defaults when unset', () => {
    expect(() => loadConfig({ CITEBOT_USER_RATE: 'many' } as NodeJS.ProcessEnv)).toThrow(
      /CITEBOT_USER_RATE "many" is not a rate/,
    );
    expect(loadConfig({} as NodeJS.ProcessEnv).CITEBOT_USER_RATE).toEqual(DEFAULT_USER_RATE);
    expect(loadConfig({ CITEBOT_CHANNEL_RATE: 'off' } as NodeJS.ProcessEnv).CITEBOT_CHANNEL_RATE).toBeNull();
  });
});

describe('lifecycle', () => {
  it('waits for work in flight when draining, within a time limit', async () => {
    const life = new Lifecycle();
    let finish!: () => void;
    const work = life.track(new Promise<void>((resolve) => (finish = resolve)));
    expect(life.busy).toBe(1);
    const drained = life.drain(5000);
    expect(life.draining).toBe(true);
    finish();
    await work;
    expect(await drained).toBe(true);
    expect(life.busy).toBe(0);
    const stuck = new Lifecycle();
    stuck.track(new Promise(() => {}));
    expect(await stuck.drain(20)).toBe(false);
  });
});
