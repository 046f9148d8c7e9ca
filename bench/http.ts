/**
 * 200 concurrent signed /ask to the HTTP interactions endpoint on 127.0.0.1: each answered once,
 * and the time to the HTTP response. Run from bench/run.ts (`npm run bench -- --only http`).
 */
import { askPayload, post, startEndpoint } from '../test/support/httpInteractions.js';
import { bundledLibrary } from '../test/support/library.js';

export interface HttpBench {
  requests: number;
  answeredOnce: boolean;
  p50: number;
  p99: number;
  max: number;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function httpBench(requests = 200): Promise<HttpBench> {
  const e = await startEndpoint();
  try {
    e.holder.set(await bundledLibrary());
    // Warm up the code paths once.
    await post(e.http.port, JSON.stringify(askPayload('NATO membership')), e.keys.privateKey);
    const replies = await Promise.all(
      Array.from({ length: requests }, () =>
        post(e.http.port, JSON.stringify(askPayload('Who spoke about Ukraine?')), e.keys.privateKey),
      ),
    );
    const ms = replies.map((r) => r.ms);
    const once =
      replies.every((r) => r.status === 200 && (r.json() as { type: number }).type === 4) &&
      e.rest.requests.length === 0;
    return {
      requests,
      answeredOnce: once,
      p50: Math.round(percentile(ms, 50)),
      p99: Math.round(percentile(ms, 99)),
      max: Math.round(Math.max(...ms)),
    };
  } finally {
    await e.stop();
  }
}

export function describeHttpBench(b: HttpBench): string {
  return `HTTP: ${b.requests} concurrent signed /ask on 127.0.0.1, each answered ${b.answeredOnce ? 'exactly once in its HTTP response' : 'NOT exactly once'}; time to the HTTP response p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms.`;
}
