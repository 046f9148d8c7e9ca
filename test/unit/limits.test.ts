import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Lifecycle } from '../../src/discord/lifecycle.js';
import { AbuseGuard, parseRate, RateLimiter } from '../../src/discord/rateLimit.js';

describe('rate limits', () => {
  it('parses N/S and off, and rejects anything else', () => {
    expect(parseRate('5/10', null)).toEqual({ requests: 5, seconds: 10 });
    expect(parseRate(' 3 / 1.5s ', null)).toEqual({ requests: 3, seconds: 1.5 });
    expect(parseRate('off', { requests: 1, seconds: 1 })).toBeNull();
    expect(parseRate(undefined, { requests: 1, seconds: 1 })).toEqual({ requests: 1, seconds: 1 });
    expect(() => parseRate('lots', null)).toThrow(/not a rate/);
    expect(() => parseRate('0/10', null)).toThrow();
  });

  it('allows N per window, tells how long to wait, and forgets old requests', () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, seconds: 10 }, () => now);
    expect(limiter.take('a')).toBe(0);
    now = 1000;
    expect(limiter.take('a')).toBe(0);
    now = 2000;
    expect(limiter.take('a')).toBe(8000);
    expect(limiter.take('b')).toBe(0);
    now = 10_001;
    expect(limiter.take('a')).toBe(0);
  });

  it('checks the user first, then the channel, in whole seconds', () => {
    let now = 0;
    const guard = new AbuseGuard({ requests: 1, seconds: 5 }, { requests: 2, seconds: 30 }, () => now);
    expect(guard.check('u1', 'c')).toBe(0);
    expect(guard.check('u1', 'c')).toBe(5);
    expect(guard.check('u2', 'c')).toBe(0);
    expect(guard.check('u3', 'c')).toBe(30);
    now = 31_000;
    expect(guard.check('u3', 'c')).toBe(0);
  });

  it('names a bad rate setting', () => {
    expect(() => loadConfig({ CITEBOT_USER_RATE: 'many' } as NodeJS.ProcessEnv)).toThrow(
      /CITEBOT_USER_RATE "many" is not a rate/,
    );
    expect(loadConfig({} as NodeJS.ProcessEnv).CITEBOT_USER_RATE).toEqual({ requests: 5, seconds: 10 });
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
