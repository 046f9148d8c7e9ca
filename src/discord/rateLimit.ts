/**
 * Abuse limits as token buckets, per user and per channel: a bucket holds up to N tokens and
 * refills at N per S seconds, so an ordinary burst (a dozen commands and page clicks) goes through
 * while a flood runs dry. Requests cost by how much work they are (see {@link REQUEST_COST}).
 * Pure, with the clock passed in, so it is easy to test. README: "Configuration".
 */
import type { Rate } from '../config.js';

/** What a request takes from the buckets: a command runs a search, a page click re-renders. */
export const REQUEST_COST = {
  command: 1,
  page: 0.25,
  /** Autocomplete is cheap and must be answered within 3 s: it is never refused. */
  autocomplete: 0,
} as const;

export type RequestKind = keyof typeof REQUEST_COST;

/** Buckets idle long enough to be full again are forgotten past this many keys. */
const MAX_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: Rate | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` has `cost` tokens (0: now). Takes nothing. */
  waitFor(key: string, cost: number): number {
    if (!this.rate || cost <= 0) return 0;
    const missing = cost - this.level(key).tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * this.rate.seconds * 1000) / this.rate.requests);
  }

  /** Takes `cost` tokens from `key` (call after {@link waitFor} returned 0). */
  take(key: string, cost: number): void {
    if (!this.rate || cost <= 0) return;
    const bucket = this.level(key);
    bucket.tokens -= cost;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.forgetFull();
  }

  /** The bucket refilled up to now. */
  private level(key: string): Bucket {
    const rate = this.rate as Rate;
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: rate.requests, at: now };
    const refill = ((now - bucket.at) / (rate.seconds * 1000)) * rate.requests;
    bucket.tokens = Math.min(rate.requests, bucket.tokens + refill);
    bucket.at = now;
    return bucket;
  }

  private forgetFull(): void {
    for (const key of [...this.buckets.keys()]) {
      if (this.level(key).tokens >= (this.rate as Rate).requests) this.buckets.delete(key);
    }
  }
}

/** Per-user and per-channel limits together. */
export class AbuseGuard {
  private readonly users: TokenBuckets;
  private readonly channels: TokenBuckets;

  constructor(userRate: Rate | null, channelRate: Rate | null, now: () => number = Date.now) {
    this.users = new TokenBuckets(userRate, now);
    this.channels = new TokenBuckets(channelRate, now);
  }

  /**
   * 0 when the request may go ahead (its cost is then taken from both buckets), else the wait in
   * whole seconds (at least 1). A refused request costs nothing.
   */
  check(userId: string, channelId: string | null, kind: RequestKind = 'command'): number {
    const cost = REQUEST_COST[kind];
    const user = `u:${userId}`;
    const channel = channelId ? `c:${channelId}` : null;
    const wait = Math.max(this.users.waitFor(user, cost), channel ? this.channels.waitFor(channel, cost) : 0);
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    this.users.take(user, cost);
    if (channel) this.channels.take(channel, cost);
    return 0;
  }
}
