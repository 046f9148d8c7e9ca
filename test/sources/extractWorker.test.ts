/** Extraction off the main thread: deadlines, recovery, and an event loop that keeps running. */
import { describe, expect, it } from 'vitest';
import { extractInWorker } from '../../src/sources/extractPool.js';
import { deepPage, newsPage, STORY } from '../support/newsPages.js';

/** Counts ticks of a 10 ms timer on this thread while `work` runs. */
async function ticksDuring<T>(
  work: () => Promise<T>,
): Promise<{ ticks: number; ms: number; result: T | Error }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = performance.now();
  const result = await work().catch((e: Error) => e);
  clearInterval(timer);
  return { ticks, ms: performance.now() - started, result };
}

/**
 * A large page: 10,000 distinct paragraphs (2 MB; numbered so that no step can drop repeats and
 * finish early). It takes about 500 ms to extract on a 2-core runner, so a 20 ms deadline is passed
 * on any machine up to twenty-five times faster: the deadline test cannot race the extraction.
 */
const hugePage = newsPage({
  story: Array.from({ length: 10_000 }, (_, i) => `Item ${i}: ${STORY[i % STORY.length] as string}`),
});

describe('extractInWorker', () => {
  it('extracts a page in the worker', async () => {
    const x = await extractInWorker(newsPage(), 'https://gazette.example/a');
    expect(x.paragraphs).toEqual(STORY);
  });

  it('handles 20,000 unclosed tags within the deadline, the main thread free meanwhile', async () => {
    const { result, ms, ticks } = await ticksDuring(() =>
      extractInWorker(deepPage(20_000), 'https://x.example/'),
    );
    expect(result).toMatchObject({ paragraphs: STORY });
    expect(ms).toBeLessThan(5000);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ms / 10 / 3));
  });

  it('terminates a page past its deadline while timers keep firing, then recovers', async () => {
    const { result, ticks, ms } = await ticksDuring(() =>
      extractInWorker(hugePage, 'https://x.example/', 'text/html', { timeoutMs: 20 }),
    );
    expect(result).toMatchObject({
      code: 'bad-input',
      message: 'The page took too long to read an article from.',
    });
    expect(ms).toBeLessThan(1500);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ms / 10 / 3));
    const again = await extractInWorker(newsPage(), 'https://gazette.example/a');
    expect(again.paragraphs).toEqual(STORY);
  });
});
