/**
 * Abuse limits: at most N requests per window per user and per channel (sliding window). Pure,
 * with the clock passed in, so it is easy to test.
 */

/** "5/10" = 5 requests per 10 seconds; null = no limit. */
export interface Rate {
  requests: number;
  seconds: number;
}

/**
 * Reads "N/S" (N requests per S seconds) or "off".
 * @throws Error with a readable message for anything else
 */
export function parseRate(value: string | undefined, fallback: Rate | null): Rate | null {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return null;
  const m = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s?$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0)
    throw new Error(`"${value}" is not a rate like 5/10 (5 requests per 10 seconds) or off`);
  return { requests: Number(m[1]), seconds: Number(m[2]) };
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rate: Rate | null,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts a request for `key`; returns 0 when allowed, else how many ms until the next one is.
   * A refused request is not counted.
   */
  take(key: string): number {
    if (!this.rate) return 0;
    const now = this.now();
    const windowMs = this.rate.seconds * 1000;
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= this.rate.requests) {
      this.hits.set(key, recent);
      return windowMs - (now - (recent[0] as number));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.forgetIdle(now, windowMs);
    return 0;
  }

  private forgetIdle(now: number, windowMs: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= windowMs)) this.hits.delete(key);
  }
}

/** Per-user and per-channel limits together. */
export class AbuseGuard {
  private readonly users: RateLimiter;
  private readonly channels: RateLimiter;

  constructor(userRate: Rate | null, channelRate: Rate | null, now: () => number = Date.now) {
    this.users = new RateLimiter(userRate, now);
    this.channels = new RateLimiter(channelRate, now);
  }

  /** 0 when the request may go ahead, else the wait in whole seconds (at least 1). */
  check(userId: string, channelId: string | null): number {
    const user = this.users.take(`u:${userId}`);
    if (user > 0) return Math.max(1, Math.ceil(user / 1000));
    const channel = channelId ? this.channels.take(`c:${channelId}`) : 0;
    return channel > 0 ? Math.max(1, Math.ceil(channel / 1000)) : 0;
  }
}

/** Defaults: 5 requests per 10 s per user, 30 per 10 s per channel. */
export const DEFAULT_USER_RATE: Rate = { requests: 5, seconds: 10 };
export const DEFAULT_CHANNEL_RATE: Rate = { requests: 30, seconds: 10 };
