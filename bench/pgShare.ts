/**
 * Two bot processes (HTTP replicas) on one embedded PostgreSQL: the time from the reply that added
 * an article on one (its webhook edit reaching the loopback Discord stub) to the first answer on
 * the other that cites it, asked every 20 ms; p50/p99 over 20 adds. Run from bench/run.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addUrl, ask, type HttpBot, startHttpBot } from '../test/support/httpBot.js';
import { keyPair, RestStub } from '../test/support/httpInteractions.js';
import { startPageServer } from '../test/support/pageServer.js';
import { startPostgres } from '../test/support/postgres.js';
import { percentile } from './percentile.js';

export interface ShareBench {
  adds: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
}

const GUILD = '1800000000000000001';
const topic = (k: number) => `quarry${k}`;
const story = (t: string) =>
  `The ${t} story\n\n${`The ${t} committee said on Monday that the ${t} would reopen in the spring after repairs. `.repeat(12)}\n`;

export async function shareBench(adds = 20): Promise<ShareBench> {
  const keys = keyPair();
  const rest = new RestStub();
  await rest.start();
  const db = await startPostgres();
  let a: HttpBot | null = null;
  let b: HttpBot | null = null;
  // Every story from one handler: the path names it.
  const server = await startPageServer(
    Object.fromEntries(
      Array.from({ length: adds }, (_, k) => [
        `/${topic(k)}`,
        (_req: unknown, res: import('node:http').ServerResponse) =>
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(story(topic(k))),
      ]),
    ),
  );
  try {
    const env = {
      CITEBOT_DATABASE_URL: db.url,
      CITEBOT_FETCH_ALLOW: '127.0.0.1',
      CITEBOT_LIBRARIES: mkdtempSync(path.join(tmpdir(), 'citebot-bench-pg-')),
    };
    [a, b] = await Promise.all([startHttpBot(keys, rest, env), startHttpBot(keys, rest, env)]);
    const waits: number[] = [];
    for (let k = 0; k < adds; k++) {
      const t = topic(k);
      const payload = addUrl(GUILD, `${server.origin}/${t}`);
      const edited = new Promise<number>((resolve) => {
        rest.onRequest = (r) => {
          if (r.method === 'PATCH' && r.path.includes(`/${payload.token}/`)) resolve(r.at);
        };
      });
      await a.send(payload);
      const addedAt = await Promise.race([
        edited,
        new Promise<number>((r) => setTimeout(() => r(-1), 20_000)),
      ]);
      if (addedAt < 0) continue;
      const until = performance.now() + 10_000;
      while (performance.now() < until) {
        const reply = await b.send(ask(GUILD, `When will the ${t} reopen?`));
        if (reply.body.includes(`The ${t} story`)) {
          waits.push(performance.now() - addedAt);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return {
      adds,
      answered: waits.length,
      p50: Math.round(percentile(waits, 50)),
      p99: Math.round(percentile(waits, 99)),
      max: Math.round(Math.max(0, ...waits)),
    };
  } finally {
    a?.kill('SIGKILL');
    b?.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await server.close();
    await rest.stop();
    await db.stop();
  }
}

export function describeShareBench(r: ShareBench): string {
  return `PostgreSQL, two HTTP replicas: ${r.answered}/${r.adds} articles added (signed /add) on one were answered by the other; from the reply that added it to the first answer citing it on the other, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms (asked every 20 ms).`;
}
