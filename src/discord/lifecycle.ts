/**
 * Graceful shutdown: once draining, new requests are turned away politely while the ones in
 * flight finish; `drain` resolves when they have (or after a time limit).
 */
export class Lifecycle {
  private readonly inFlight = new Set<Promise<unknown>>();
  draining = false;

  /** Runs `work`, counting it as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** Stops taking new work and waits (at most `timeoutMs`) for the work in flight. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = Promise.allSettled([...this.inFlight]).then(() => true as const);
    const result = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    return result;
  }
}
