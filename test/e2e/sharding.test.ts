import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { botEnv } from '../support/botProcess.js';
import { FakeDiscord } from '../support/fakeDiscord.js';

describe('npm run start:sharded', () => {
  const discord = new FakeDiscord();
  let output = '';
  let child: ReturnType<typeof spawn>;
  beforeAll(async () => {
    await discord.start();
    child = spawn('npm', ['run', '--silent', 'start:sharded'], {
      cwd: PROJECT_ROOT,
      env: botEnv(discord, {
        CITEBOT_CACHE: mkdtempSync(path.join(tmpdir(), 'citebot-shards-')),
        CITEBOT_SHARDS: '2',
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    await discord.waitFor(
      () =>
        discord.identified.length >= 2 &&
        (output.match(/library ready/g) ?? []).length >= 2 &&
        /commands registered/.test(output),
      45_000,
      `two shards to log in and load the snapshot; output:\n${output}`,
    );
  }, 60_000);
  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    await discord.stop();
  });

  it('runs two shards that load the snapshot the manager built, one registering the commands', () => {
    expect(discord.identified.map(([id, count]) => `${id}/${count}`).sort()).toEqual(['0/2', '1/2']);
    expect((output.match(/"fromSnapshot":true/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(discord.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(output).not.toContain(discord.token);
  });

  it('answers an interaction exactly once, from the shard that owns the guild', async () => {
    const id = discord.slash('ask', { question: 'Who will not discuss the exchange of territory?' });
    await discord.firstResponse(id, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(discord.responsesTo(id)).toHaveLength(1);
    expect(JSON.stringify(discord.responsesTo(id)[0]?.body)).toMatch(/Dmitry Peskov/);
  });
});
