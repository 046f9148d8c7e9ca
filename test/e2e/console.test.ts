import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../support/library.js';
import { runEntry, runProcess } from '../support/spawn.js';

describe('console mode (npm start without a token)', () => {
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
