import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../support/library.js';
import { runEntry, runProcess } from '../support/spawn.js';

describe('console mode (npm start without a token)', () => {
  it('answers from a server library with --library, as the bot does in that server', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'citebot-console-library-'));
    mkdirSync(path.join(root, 'guild-77'));
    writeFileSync(
      path.join(root, 'guild-77', 'tram.md'),
      '---\ntitle: Tram line extension approved\n---\nThe city council approved the eastern tram line extension on Thursday.\n\n"This line will connect three neighbourhoods that have waited far too long," said transport councillor Ada Brennan.\n',
    );
    const env = { CITEBOT_LIBRARIES: root };
    const input = '/who-said tram line\n/sources\n';
    const inServer = await runProcess('npm', ['start', '--silent', '--', '--library', 'guild:77'], {
      input,
      env,
    });
    expect(inServer.code).toBe(0);
    expect(inServer.stdout).toMatch(/— Ada Brennan, transport councillor/);
    expect(inServer.stdout).toMatch(/id tram · 2 sentences · 1 statements · server library/);
    expect(inServer.stderr).toMatch(/2 article\(s\).* and the guild:77 library/);
    const elsewhere = await runProcess('npm', ['start', '--silent'], { input, env });
    expect(elsewhere.stdout).not.toMatch(/Brennan|tram ·/);
    const bad = await runProcess('npm', ['start', '--silent', '--', '--library', 'server-77'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--library must be shared, guild:<id> or user:<id>/);
  }, 60_000);

  it('answers piped lines and exits 0 at end of input', async () => {
    const input = [
      '/ask Who will not discuss the exchange of territory?',
      '/sources',
      '/help',
      'what is the exchange of territory about?',
      '/ask',
      '/summary nonsense',
      '/frobnicate',
      '/who-said NATO membership',
      '/quotes Hegseth',
      'who said abandoned leverage',
    ].join('\n');
    const run = await runProcess('npm', ['start', '--silent'], { input });
    expect(run.code).toBe(0);
    const answers = run.stdout.trim().split('\n\n');
    expect(answers[0]).toMatch(
      /^1\. “Russia has never discussed it before .* Dmitry Peskov said Wednesday\./,
    );
    expect(answers[0]).toMatch(/\[Hegseth excludes NATO membership .* ¶34, sentence 1\]/);
    expect(run.stdout).toMatch(/id cnn-2025-02-12-hegseth-nato-ukraine · 65 sentences/);
    expect(run.stdout).toMatch(/\/who-said <topic> \[article:ID\] +Who said what/);
    expect(run.stdout).toMatch(/\/summary \[article:ID\] \[sentences:N\] \[focus:TOPIC\]/);
    expect(run.stdout).not.toMatch(/ $/m);
    expect(run.stdout).toMatch(/Error: ask needs a question/);
    expect(run.stdout).toMatch(/Error: \/summary takes options as name:value/);
    expect(run.stdout).toMatch(/Error: unknown command "frobnicate"/);
    // The same count as /sources: body sentences, not photo captions.
    expect(run.stderr).toMatch(/Citebot console: 1 article\(s\), 65 sentences/);
    expect(run.stdout).toMatch(
      /1\. “The US does not consider Ukraine’s NATO membership .*\n {3}— Pete Heg\w+, US Defense Secretary/,
    );
    expect(run.stdout).toMatch(/— Matthew Miller, former State Department spokesman/);
  });

  it('stops at /exit', async () => {
    const run = await runProcess('npm', ['start', '--silent'], { input: '/exit\n/sources\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('');
  });

  it('names a bad environment variable instead of crashing', async () => {
    const run = await runProcess('npm', ['start', '--silent'], { env: { DISCORD_GUILD_ID: 'abc' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DISCORD_GUILD_ID must be a Discord id/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [{ CITEBOT_DATA: '/nonexistent/articles' }, /CITEBOT_DATA \/nonexistent\/articles does not exist/],
    [{ CITEBOT_DATA: SEED_FILE }, /CITEBOT_DATA .*\.md is a file, not a folder/],
    [{ CITEBOT_SHARDS: 'two' }, /CITEBOT_SHARDS must be a whole number/],
  ])('stops npm start on %j with a message naming the variable, no stack trace', async (env, message) => {
    const run = await runProcess('npm', ['start', '--silent'], { env, input: '/sources\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it('stops the sharded start on a bad CITEBOT_SHARDS instead of ignoring it', async () => {
    const run = await runEntry('src/sharded.ts', [], {
      env: { DISCORD_TOKEN: 'not-a-real-token', CITEBOT_SHARDS: 'two' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CITEBOT_SHARDS must be a whole number/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
