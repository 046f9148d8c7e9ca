/**
 * Server and personal libraries through the test Discord (CONTRACT §6): an article added in one
 * server is answered there and nowhere else, survives a restart and is removed by /remove; a
 * refused address writes nothing; a feed's items become answerable. Pages come from a local
 * server on 127.0.0.1 only.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/botProcess.js';
import { messageOf, messageProblems } from '../support/discordLimits.js';
import { snowflake } from '../support/fakeDiscord.js';
import { newsPage } from '../support/newsPages.js';
import { type PageServer, startPageServer } from '../support/pageServer.js';

const EPHEMERAL = 64;
type Data = {
  content?: string;
  flags?: number;
  embeds?: { description?: string; author?: { name: string } }[];
  choices?: { name: string; value: string }[];
};

const feedStory = [
  'The Riverside library will open on Sundays from next month, the city council said on Tuesday after a vote.',
  '“Families have asked for this for years, and we finally found the money,” said Council Member Lena Duarte, who led the campaign for longer opening hours across the whole district.',
  'The library will hire four part-time staff to cover the extra day, according to a council report published before the vote, which also described new reading rooms and a study space for students.',
  'Duarte said the change would cost about $180,000 a year and would be reviewed after twelve months, once the council had seen how many people used the library on Sundays.',
];

function rss(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>${origin}/</link>
  <item><title>Library opens on Sundays</title><link>${origin}/library</link><guid>lib-1</guid>
  <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
}

describe('libraries through the test Discord', () => {
  let pages: PageServer;
  let bot: BotUnderTest;
  let libraries: string;
  const otherGuild = snowflake();
  const env = () => ({ CITEBOT_LIBRARIES: libraries, CITEBOT_FETCH_ALLOW: '127.0.0.1' });

  beforeAll(async () => {
    pages = await startPageServer({
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage()),
      '/library': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`Library opens on Sundays\n\n${feedStory.join('\n\n')}\n`),
      '/feed.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(pages.origin)),
    });
    libraries = mkdtempSync(path.join(tmpdir(), 'citebot-libraries-'));
    bot = await startBotUnderTest(env());
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await pages?.close();
  });

  const finalData = async (id: string): Promise<Data> => {
    const d = bot.discord;
    const first = await d.firstResponse(id, 20_000);
    const body = first.body as { type: number; data?: Data };
    if (body.type !== 5) return body.data ?? {};
    // Deferred: the edit of @original (or a private follow-up after a refusal).
    const edit = await d.waitFor(
      () =>
        d
          .responsesTo(id)
          .find((r) => r.method === 'PATCH' || (r.method === 'POST' && /^\/webhooks\//.test(r.path))),
      20_000,
      'the deferred answer',
    );
    return edit.body as Data;
  };

  it('adds a page in server A, answers it there and never in server B', async () => {
    const d = bot.discord;
    const added = await finalData(d.slash('add', { url: `${pages.origin}/story` }));
    expect(added.content).toMatch(/^Added “Harbor Street bridge/);
    expect(added.content).toMatch(/\d+ sentences, \d+ statements/);
    expect(added.embeds?.length).toBeGreaterThan(0);
    expect(added.embeds?.length).toBeLessThanOrEqual(3);
    expect(messageProblems(messageOf('/webhooks/x', added))).toEqual([]);
    expect(
      readdirSync(path.join(libraries, `guild-${d.guildId}`)).filter((f) => f.endsWith('.md')),
    ).toHaveLength(1);

    const here = await finalData(d.slash('who-said', { topic: 'bridge deck' }));
    expect(JSON.stringify(here)).toMatch(/Okafor/);
    const there = await finalData(d.slash('who-said', { topic: 'bridge deck' }, { guild: otherGuild }));
    expect(JSON.stringify(there)).not.toMatch(/Okafor|Harbor/);

    const quotesThere = await finalData(
      d.slash('quotes', { speaker: 'Maria Okafor' }, { guild: otherGuild }),
    );
    expect(JSON.stringify(quotesThere)).not.toMatch(/patched this deck/);

    const auto = d.autocomplete('ask', { question: 'x', article: 'harbor' }, 'article');
    expect(JSON.stringify((await d.firstResponse(auto)).body)).toMatch(/Harbor Street/);
    const autoThere = d.autocomplete('ask', { question: 'x', article: 'harbor' }, 'article', {
      guild: otherGuild,
    });
    expect(JSON.stringify((await d.firstResponse(autoThere)).body)).not.toMatch(/Harbor Street/);
    const removeAutoThere = d.autocomplete('remove', { article: '' }, 'article', { guild: otherGuild });
    expect(((await d.firstResponse(removeAutoThere)).body as { data: Data }).data.choices).toEqual([]);

    const retold = 'We have patched this deck for ten years and it can not be patched again';
    const found = await finalData(d.messageMenu('Find source', retold));
    expect(JSON.stringify(found)).toMatch(/Okafor/);
    const notFound = await finalData(d.messageMenu('Find source', retold, { guild: otherGuild }));
    expect(JSON.stringify(notFound)).not.toMatch(/Okafor/);

    const sources = await finalData(d.slash('sources'));
    expect(JSON.stringify(sources)).toMatch(/server library/);
  }, 60_000);

  it('makes no second copy of the same page', async () => {
    const d = bot.discord;
    const again = await finalData(d.slash('add', { url: `${pages.origin}/story` }));
    expect(again.content).toMatch(/already in this server’s library/);
    expect(
      readdirSync(path.join(libraries, `guild-${d.guildId}`)).filter((f) => f.endsWith('.md')),
    ).toHaveLength(1);
  }, 30_000);

  it('refuses an address it may not fetch, privately, writes nothing and keeps answering', async () => {
    const d = bot.discord;
    const refused = await finalData(
      d.slash('add', { url: `http://127.0.0.2:${pages.port}/story` }, { guild: otherGuild }),
    );
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/private or local network/);
    expect(existsSync(path.join(libraries, `guild-${otherGuild}`))).toBe(false);
    const still = await finalData(d.slash('sources'));
    expect(JSON.stringify(still)).toMatch(/Harbor Street/);
  }, 30_000);

  it('adds a feed’s items to the library', async () => {
    const d = bot.discord;
    const subscribed = await finalData(
      d.slash('feeds', { url: `${pages.origin}/feed.xml` }, { subcommand: 'add' }),
    );
    expect(subscribed.content).toMatch(/1 article\(s\) added/);
    const answer = await finalData(d.slash('who-said', { topic: 'library Sundays' }));
    expect(JSON.stringify(answer)).toMatch(/Duarte/);
    const list = await finalData(d.slash('feeds', {}, { subcommand: 'list' }));
    expect(list.content).toContain('feed.xml');
    expect(list.content).toMatch(/last success: 20/);
  }, 60_000);

  it('keeps the library over a restart, ignores a leftover temporary file, and /remove removes it', async () => {
    const d0 = bot.discord;
    const guild = d0.guildId;
    await bot.stop();
    // A crash mid-write leaves a temporary file behind: it is not an article.
    const folder = path.join(libraries, `guild-${guild}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '.half.md.1.2.citebot-tmp'), '---\ntitle: "Half');
    bot = await startBotUnderTest(env());
    const d = bot.discord;
    // A new test Discord has a new guild id: move the folder to it.
    const { renameSync } = await import('node:fs');
    renameSync(folder, path.join(libraries, `guild-${d.guildId}`));
    const here = await finalData(d.slash('who-said', { topic: 'bridge deck' }));
    expect(JSON.stringify(here)).toMatch(/Okafor/);
    const sources = await finalData(d.slash('sources'));
    expect(JSON.stringify(sources)).not.toMatch(/Half/);
    expect(
      readdirSync(path.join(libraries, `guild-${d.guildId}`)).some((f) => f.endsWith('citebot-tmp')),
    ).toBe(false);

    const auto = d.autocomplete('remove', { article: 'harbor' }, 'article');
    const choices = ((await d.firstResponse(auto)).body as { data: Data }).data.choices ?? [];
    expect(choices.length).toBe(1);
    const removed = await finalData(d.slash('remove', { article: choices[0]?.value ?? '' }));
    expect(removed.content).toMatch(/^Removed “Harbor Street/);
    const gone = await finalData(d.slash('who-said', { topic: 'bridge deck' }));
    expect(JSON.stringify(gone)).not.toMatch(/Okafor/);
  }, 90_000);

  it('registers the managing commands for Manage Server only', () => {
    const registered = (bot.discord.commands.get(bot.discord.guildId) ?? []) as {
      name: string;
      default_member_permissions?: string | null;
    }[];
    for (const name of ['add', 'remove', 'feeds', 'Add article'])
      expect(registered.find((c) => c.name === name)?.default_member_permissions).toBe('32');
  });
});
