/**
 * A full disk or an unwritable library folder, injected (root ignores file permissions, so the
 * failure is made in the file layer rather than with chmod): /add gets a clear private reply, a log
 * line names the error, nothing is left half-written, and the bot keeps answering. The bot runs in
 * this process (the gateway path, through the test Discord) so that the injected failure reaches it.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATA_DIR, loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';
import { Lifecycle } from '../../src/discord/lifecycle.js';
import { LibraryHolder } from '../../src/library/holder.js';
import { Libraries } from '../../src/library/libraries.js';
import { createLogger } from '../../src/log.js';
import { parseAllowList } from '../../src/sources/address.js';
import { botEnv } from '../support/botProcess.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { bundledLibrary } from '../support/library.js';
import { newsPage } from '../support/newsPages.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';

const EPHEMERAL = 64;

/** The error the next article write meets, if any: after half the text is on disk. */
const failure: { code: string | null } = { code: null };

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof real.open>): Promise<FileHandle> => {
    const handle = await real.open(...args);
    const code = failure.code;
    if (!code || !String(args[0]).endsWith('.citebot-tmp')) return handle;
    // A handle whose write stops half-way, as a disk that fills up does.
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile')
          return async (text: string) => {
            await target.writeFile(text.slice(0, Math.floor(text.length / 2)));
            throw Object.assign(new Error(`${code}: injected`), { code });
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

describe('a failing write', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'citebot-write-failure-'));
  const logged: string[] = [];
  let discord: FakeDiscord;
  let client: Awaited<ReturnType<typeof startBot>>;
  let pages: PageServer;

  beforeAll(async () => {
    pages = await startPageServer({
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage()),
    });
    discord = new FakeDiscord();
    await discord.start();
    const env = botEnv(discord, { CITEBOT_LIBRARIES: root, CITEBOT_FETCH_ALLOW: '127.0.0.1' });
    const config = loadConfig(env);
    const holder = new LibraryHolder();
    holder.set(await bundledLibrary());
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...more: unknown[]) => {
      logged.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...more);
    });
    const logger = createLogger('warn', [discord.token]);
    const libraries = new Libraries({
      shared: holder,
      root,
      sharedDir: DEFAULT_DATA_DIR,
      allow: parseAllowList('127.0.0.1'),
      logger,
      watch: false,
    });
    client = await startBot({
      config: { ...config, DISCORD_TOKEN: discord.token },
      holder,
      libraries,
      logger,
      lifecycle: new Lifecycle(),
    });
  }, 60_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await client?.destroy();
    await discord?.stop();
    await pages?.close();
  });

  /** The final answer to an interaction: its callback, or the edit / follow-up after a deferral. */
  async function answerTo(id: string): Promise<{ content?: string; flags?: number }> {
    const first = await discord.firstResponse(id, 20_000);
    const body = first.body as { type: number; data?: { content?: string; flags?: number } };
    if (body.type !== 5) return body.data ?? {};
    const edit = await discord.waitFor(
      () =>
        discord
          .responsesTo(id)
          .find((r) => r.method === 'PATCH' || (r.method === 'POST' && /^\/webhooks\//.test(r.path))),
      20_000,
      'the deferred answer',
    );
    return edit.body as { content?: string; flags?: number };
  }
  const addAnswer = () => answerTo(discord.slash('add', { url: `${pages.origin}/story` }));

  const folder = () => path.join(root, `guild-${discord.guildId}`);
  const filesIn = () => {
    try {
      return readdirSync(folder());
    } catch {
      return [];
    }
  };

  it.each([
    ['ENOSPC', /disk is full/],
    ['EACCES', /folder cannot be written/],
  ])(
    '%s: a clear reply, a log line, nothing half-written, still answering',
    async (code, sentence) => {
      failure.code = code;
      logged.length = 0;
      const answer = await addAnswer();
      failure.code = null;
      expect(answer.content).toMatch(sentence);
      expect(logged.join('')).toMatch(
        new RegExp(`library write failed[\\s\\S]*${code}|${code}[\\s\\S]*library write failed`),
      );
      // Neither the article nor the half-written temporary file is there.
      expect(filesIn().filter((f) => f.endsWith('.md') || f.includes('citebot-tmp'))).toEqual([]);
      expect(answer.flags).toBe(EPHEMERAL);
      const ask = await answerTo(
        discord.slash('ask', { question: 'Who will not discuss the exchange of territory?' }),
      );
      expect(JSON.stringify(ask)).toMatch(/Peskov/);
    },
    60_000,
  );

  it('adds the article once the disk has room again', async () => {
    const answer = await addAnswer();
    expect(answer.content).toMatch(/^Added “Harbor Street bridge/);
    expect(filesIn().filter((f) => f.endsWith('.md'))).toHaveLength(1);
    const file = filesIn().find((f) => f.endsWith('.md')) as string;
    expect(await realFs.readFile(path.join(folder(), file), 'utf8')).toMatch(/bridge/);
  }, 60_000);
});
