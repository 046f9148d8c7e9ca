/**
 * Feed subscriptions (CONTRACT §6): a new subscription adds the feed's 20 newest items (announced in
 * the feed's channel as one line, "Indexed 20 items from <feed>", rather than twenty); every
 * CITEBOT_FEED_MINUTES each due feed is fetched with its validators (ETag, Last-Modified) and its new
 * items are added as `/add` does. Feeds are polled concurrently, each with its own time limit, so a
 * slow or broken one never holds up the others or any answer; a failing one backs off.
 */
import type { Logger } from '../log.js';
import type { AllowList } from '../sources/address.js';
import { SourceError } from '../sources/errors.js';
import { type Feed, type FeedItem, fetchFeed, newItems } from '../sources/feed.js';
import type { FeedStore, FeedSubscription, LibraryId } from '../sources/source.js';
import type { Libraries } from './libraries.js';
import type { FeedRelease } from './storage.js';

/** Item ids and URLs remembered per feed. */
const SEEN_KEPT = 500;
/** The longest a failing feed waits between tries. */
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

export interface FeedOptions {
  libraries: Libraries;
  store: FeedStore;
  minutes: number;
  allow: AllowList;
  logger: Logger;
  /** Posts `Indexed: <title>` in a channel (mentions off). */
  post?: (channel: string, text: string) => Promise<void>;
  /** One feed's whole poll (its fetch and its items); default 2 minutes. */
  pollLimitMs?: number;
  fetchTimeoutMs?: number;
  /**
   * Claims a feed for this process (several processes share one database): null when another
   * process is polling it. Without it every due feed is polled here.
   */
  claim?: (library: LibraryId, url: string) => Promise<FeedRelease | null>;
}

export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;

  constructor(readonly options: FeedOptions) {}

  list(library: LibraryId): Promise<FeedSubscription[]> {
    return this.options.store.list(library);
  }

  /**
   * Subscribes library `library` to the feed at `url` and adds its newest items; the number added.
   * Throws SourceError when the feed cannot be fetched or is no feed.
   */
  async subscribe(
    library: LibraryId,
    url: string,
    channel: string | null,
  ): Promise<{ added: number; feed: Feed }> {
    const trimmed = url.trim();
    if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed))
      throw new SourceError('bad-input', 'That is not an http(s) address.');
    const fetched = await fetchFeed(trimmed, this.fetchOptions());
    if (fetched.status !== 'ok') throw new SourceError('fetch-failed', 'The feed gave no content.');
    const now = new Date().toISOString();
    const existing = (await this.options.store.list(library)).find((f) => f.url === trimmed);
    const subscription: FeedSubscription = {
      url: trimmed,
      channel,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      seen: existing?.seen ?? [],
      lastSuccess: now,
      lastError: null,
      failures: 0,
      nextPoll: null,
    };
    const items = newItems(fetched.feed, new Set(subscription.seen));
    await this.options.store.put(library, subscription);
    const added = await this.addItems(library, subscription, items, false);
    await this.options.store.put(library, subscription);
    // The first items go in as one line, not up to 20 messages in a row in the channel.
    if (channel && added > 0)
      await this.announce(
        channel,
        `Indexed ${added} item${added === 1 ? '' : 's'} from ${fetched.feed.title?.trim() || trimmed}`,
      );
    return { added, feed: fetched.feed };
  }

  unsubscribe(library: LibraryId, url: string): Promise<boolean> {
    return this.options.store.remove(library, url.trim());
  }

  /** Polls on a timer from now on. */
  start(): void {
    const every = Math.max(1, this.options.minutes) * 60_000;
    this.timer = setInterval(() => void this.pollAll(), every);
    this.timer.unref();
    // Feeds that were due while the bot was down are polled soon after start.
    this.first = setTimeout(() => void this.pollAll(), 15_000);
    this.first.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.first);
  }

  /** Polls every due feed of every library, concurrently; resolves when all are done. */
  pollAll(): Promise<void> {
    if (this.polling) return this.polling;
    this.polling = (async () => {
      try {
        const jobs: Promise<void>[] = [];
        for (const library of await this.options.store.libraries()) {
          // Another shard polls the feeds of servers this process does not serve.
          if (!this.options.libraries.serves(library)) continue;
          for (const sub of await this.options.store.list(library)) {
            if (sub.nextPoll && Date.parse(sub.nextPoll) > Date.now()) continue;
            jobs.push(this.options.claim ? this.pollClaimed(library, sub.url) : this.pollOne(library, sub));
          }
        }
        await Promise.allSettled(jobs);
      } catch (error) {
        this.options.logger.error({ err: error }, 'feed poll failed');
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }

  private fetchOptions() {
    return {
      allow: this.options.allow,
      ...(this.options.fetchTimeoutMs ? { timeoutMs: this.options.fetchTimeoutMs } : {}),
    };
  }

  /** Polls a feed only when this process gets it, and only if no other process has just polled it. */
  private async pollClaimed(library: LibraryId, url: string): Promise<void> {
    let release: FeedRelease | null;
    try {
      release = (await this.options.claim?.(library, url)) ?? null;
    } catch (error) {
      this.options.logger.warn(
        { library, feed: url, err: error },
        'could not claim the feed; not polled now',
      );
      return;
    }
    if (!release) return;
    try {
      // Read again now that it is ours: another process may have polled it meanwhile.
      const sub = (await this.options.store.list(library)).find((f) => f.url === url);
      if (!sub || (sub.nextPoll && Date.parse(sub.nextPoll) > Date.now())) return;
      const halfInterval = Math.max(1, this.options.minutes) * 30_000;
      if (sub.lastSuccess && Date.now() - Date.parse(sub.lastSuccess) < halfInterval) return;
      await this.pollOne(library, sub);
    } catch (error) {
      this.options.logger.warn({ library, feed: url, err: error }, 'feed poll failed');
    } finally {
      await release();
    }
  }

  private async pollOne(library: LibraryId, sub: FeedSubscription): Promise<void> {
    const limit = this.options.pollLimitMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SourceError('fetch-failed', 'The feed took too long.')), limit);
    });
    try {
      await Promise.race([this.pollInner(library, sub), timeout]);
      sub.lastSuccess = new Date().toISOString();
      sub.lastError = null;
      sub.failures = 0;
      sub.nextPoll = null;
    } catch (error) {
      sub.failures += 1;
      sub.lastError = `${new Date().toISOString()} ${error instanceof SourceError ? error.message : String(error)}`;
      const wait = Math.min(this.options.minutes * 60_000 * 2 ** sub.failures, MAX_BACKOFF_MS);
      sub.nextPoll = new Date(Date.now() + wait).toISOString();
      this.options.logger.warn({ library, feed: sub.url, failures: sub.failures, err: error }, 'feed failed');
    } finally {
      clearTimeout(timer);
    }
    // Unless it was removed meanwhile.
    const still = (await this.options.store.list(library)).some((f) => f.url === sub.url);
    if (still) await this.options.store.put(library, sub).catch(() => {});
  }

  private async pollInner(library: LibraryId, sub: FeedSubscription): Promise<void> {
    const fetched = await fetchFeed(sub.url, {
      ...this.fetchOptions(),
      etag: sub.etag,
      lastModified: sub.lastModified,
    });
    sub.etag = fetched.etag ?? sub.etag;
    sub.lastModified = fetched.lastModified ?? sub.lastModified;
    if (fetched.status !== 'ok') return;
    const items = newItems(fetched.feed, new Set(sub.seen));
    await this.addItems(library, sub, items, true);
  }

  /** Posts in a feed's channel; a channel that cannot be posted in is logged, never an error. */
  private async announce(channel: string, text: string): Promise<void> {
    await this.options
      .post?.(channel, text)
      .catch((error) =>
        this.options.logger.warn({ err: error, channel }, 'could not post to the feed channel'),
      );
  }

  /** Adds items oldest first; an item that cannot be added is logged and not tried again. */
  private async addItems(
    library: LibraryId,
    sub: FeedSubscription,
    items: FeedItem[],
    announce: boolean,
  ): Promise<number> {
    let added = 0;
    for (const item of [...items].reverse()) {
      try {
        const outcome = await this.options.libraries.add(library, { url: item.url });
        if (outcome.added) {
          added++;
          const title =
            outcome.library.articleById.get(outcome.article)?.meta.title ?? item.title ?? item.url;
          if (announce && sub.channel) await this.announce(sub.channel, `Indexed: ${title}`);
        }
      } catch (error) {
        this.options.logger.warn({ library, item: item.url, err: error }, 'feed item not added');
        const reason = error instanceof Error ? error.message : String(error);
        sub.lastError = `${new Date().toISOString()} ${item.url}: ${reason}`;
      }
      sub.seen = [item.id, ...(item.url !== item.id ? [item.url] : []), ...sub.seen].slice(0, SEEN_KEPT);
    }
    return added;
  }
}
