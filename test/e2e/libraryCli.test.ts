/** CLI add / remove / --library (CONTRACT §6), spawned, against a page server on 127.0.0.1 only. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsPage } from '../support/newsPages.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';
import { runEntry } from '../support/spawn.js';

describe('cli add, remove and --library', () => {
  let pages: PageServer;
  let libraries: string;
  const cli = (args: string[], input?: string) =>
    runEntry('src/cli/main.ts', ['--json', ...args], {
      env: { CITEBOT_LIBRARIES: libraries, CITEBOT_FETCH_ALLOW: '127.0.0.1', CITEBOT_CACHE: 'off' },
      ...(input ? { input } : {}),
    });
  beforeAll(async () => {
    pages = await startPageServer({
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage()),
      '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('png'),
      '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('no'),
    });
    libraries = mkdtempSync(path.join(tmpdir(), 'citebot-cli-libraries-'));
  });
  afterAll(async () => {
    await pages?.close();
  });

  it('adds a page to a server library, answers it only with that --library, and removes it', async () => {
    const added = await cli(['add', `${pages.origin}/story`, '--library', 'guild:42']);
    expect(added.code).toBe(0);
    const [entry] = JSON.parse(added.stdout).results;
    expect(entry).toMatchObject({ title: expect.stringMatching(/^Harbor Street bridge/), library: 'server' });
    const again = JSON.parse((await cli(['add', `${pages.origin}/story`, '--library', 'guild:42'])).stdout);
    expect(again.notice).toMatch(/already there/);
    expect(readdirSync(path.join(libraries, 'guild-42'))).toHaveLength(1);

    const here = JSON.parse((await cli(['who-said', 'bridge deck', '--library', 'guild:42'])).stdout);
    expect(JSON.stringify(here.results)).toMatch(/Okafor/);
    const elsewhere = JSON.parse((await cli(['who-said', 'bridge deck', '--library', 'guild:43'])).stdout);
    expect(JSON.stringify(elsewhere.results)).not.toMatch(/Okafor/);
    const shared = JSON.parse((await cli(['who-said', 'bridge deck'])).stdout);
    expect(JSON.stringify(shared.results)).not.toMatch(/Okafor/);

    const batch = await cli(
      ['batch'],
      `{"command": "sources", "options": {"library": "guild:42"}}\n{"command": "sources", "options": {"library": "nope"}}\n`,
    );
    const [one, two] = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(one.results.map((r: { library: string }) => r.library)).toEqual(['shared', 'server']);
    expect(two.error.code).toBe('bad-input');

    const removed = await cli(['remove', entry.article, '--library', 'guild:42']);
    expect(removed.code).toBe(0);
    expect(readdirSync(path.join(libraries, 'guild-42'))).toHaveLength(0);
    const gone = await cli(['remove', entry.article, '--library', 'guild:42']);
    expect(JSON.parse(gone.stdout).error.code).toBe('not-found');
  }, 90_000); // eight spawned CLI runs: a guard against a hang, generous for a loaded machine

  it('adds a local text file to a personal library', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'citebot-file-')), 'note.txt');
    writeFileSync(
      file,
      `Ferry timetable changes\n\n${'The ferry will run every twenty minutes in winter, the harbour office said on Monday. '.repeat(12)}\n`,
    );
    const added = await cli(['add', file, '--library', 'user:7']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).results[0]).toMatchObject({
      title: 'Ferry timetable changes',
      library: 'personal',
    });
  }, 20_000);

  it('refuses bad input, refused addresses and failed fetches with their codes, writing nothing', async () => {
    // One spawned refusal for the exit code; the rest in one batch (the same error objects).
    const single = await cli(['add', `http://127.0.0.2:${pages.port}/story`, '--library', 'guild:99']);
    expect(single.code).toBe(2);
    expect(JSON.parse(single.stdout).error.code).toBe('forbidden');
    const failedFetch = await cli(['add', `${pages.origin}/missing`, '--library', 'guild:99']);
    expect(failedFetch.code).toBe(1);
    expect(JSON.parse(failedFetch.stdout).error.code).toBe('fetch-failed');
    const lines: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.org/x' }, 'bad-input'],
      [{ file: '/no/such/file.md' }, 'bad-input'],
      [{ url: `${pages.origin}/image` }, 'bad-input'],
      [{ url: `http://127.0.0.2:${pages.port}/story` }, 'forbidden'],
      [{ url: `${pages.origin}/missing` }, 'fetch-failed'],
      [{ url: `${pages.origin}/story`, file: '/x.md' }, 'bad-input'],
      [{ url: `${pages.origin}/story`, library: 'server:1' }, 'bad-input'],
    ];
    const batch = await cli(
      ['batch'],
      lines
        .map(([options]) => JSON.stringify({ command: 'add', options: { library: 'guild:99', ...options } }))
        .join('\n'),
    );
    const codes = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).error?.code);
    expect(codes).toEqual(lines.map(([, code]) => code));
    expect(readdirSync(libraries)).not.toContain('guild-99');
  }, 30_000);
});
