import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayloads } from '../../src/discord/registration.js';
import { type BotUnderTest, startBotUnderTest } from '../support/botProcess.js';
import { messageOf, messageProblems } from '../support/discordLimits.js';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { SEED_FILE, tempArticles } from '../support/library.js';

const EPHEMERAL = 64;
type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: {
      description?: string;
      footer?: { text: string };
      fields?: { name: string; value: string }[];
    }[];
    components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[];
    choices?: { name: string; value: string }[];
  };
};

/** Requests that create or edit a message (README: "Using it": every one carries allowed_mentions). */
function messageWrites(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (r) =>
      (r.method === 'POST' && /\/callback$/.test(r.path) && [4, 7].includes((r.body as Body).type ?? 0)) ||
      (r.method === 'PATCH' && r.path.startsWith('/webhooks/')) ||
      (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) ||
      (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)),
  );
}

describe('the bot against the test Discord (guild registration)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('registers the contract’s commands in the test guild', () => {
    const d = bot.discord;
    const registered = d.commands.get(d.guildId) ?? [];
    expect(registered.map((c) => c.name)).toEqual([
      'who-said',
      'quotes',
      'summary',
      'ask',
      'sources',
      'help',
      'Find source',
      'add',
      'remove',
      'feeds',
      'Add article',
    ]);
    const ask = registered.find((c) => c.name === 'ask') as {
      options: { name: string; required: boolean }[];
    };
    expect(ask.options.map((o) => [o.name, o.required])).toEqual([
      ['question', true],
      ['article', false],
      ['private', false],
    ]);
    expect(d.commands.has('global')).toBe(false);
  });

  it.each([
    ['ask', { question: 'Who will not discuss the exchange of territory?' }, /Dmitry Peskov said Wednesday/],
    ['sources', {}, /Hegseth excludes NATO membership/],
    ['help', {}, /who-said/],
  ])('answers /%s within 3 s', async (name, options, expected) => {
    const d = bot.discord;
    const id = d.slash(name, options);
    const first = await d.firstResponse(id);
    expect(first.at - (d.dispatchedAt.get(id) ?? 0)).toBeLessThan(3000);
    expect(first.path).toBe(`/interactions/${id}/interaction-token-${id}/callback`);
    const body = first.body as Body;
    expect(body.type).toBe(4);
    expect(JSON.stringify(body.data)).toMatch(expected);
    expect(body.data?.flags ?? 0).toBe(0);
  });

  it('cites each excerpt: paragraph and sentence, with the query in the footer', async () => {
    const d = bot.discord;
    const id = d.slash('ask', { question: 'Who will not discuss the exchange of territory?' });
    const body = (await d.firstResponse(id)).body as Body;
    const embed = body.data?.embeds?.[0];
    expect(embed?.fields?.[0]).toEqual({
      name: '[1]',
      value:
        "Hegseth excludes NATO membership in Ukraine and says Europe must be in charge of the country's security · ¶34, sentence 1",
    });
    expect(body.data?.embeds?.at(-1)?.footer?.text).toBe(
      'Query: /ask question:"Who will not discuss the exchange of territory?"',
    );
  });

  it('answers privately when asked', async () => {
    const d = bot.discord;
    const id = d.slash('sources', { private: true });
    expect(((await d.firstResponse(id)).body as Body).data?.flags).toBe(EPHEMERAL);
  });

  it('gives a short ephemeral error for an unknown article', async () => {
    const d = bot.discord;
    const id = d.slash('ask', { question: 'NATO', article: 'no-such-article' });
    const data = ((await d.firstResponse(id)).body as Body).data;
    expect(data?.flags).toBe(EPHEMERAL);
    expect(data?.content).toMatch(/^⚠️ no article "no-such-article"/);
  });

  it('answers /summary with the chosen sentences in article order, saying which article', async () => {
    const d = bot.discord;
    const id = d.slash('summary', { sentences: 3 });
    const first = await d.firstResponse(id);
    expect(first.at - (d.dispatchedAt.get(id) ?? 0)).toBeLessThan(3000);
    const data = (first.body as Body).data;
    expect(data?.content).toMatch(/^Summary of the most recent article: “Hegseth excludes NATO/);
    expect(data?.embeds?.map((e) => e.fields?.[0]?.value.replace(/.* · /, ''))).toEqual([
      '¶1, sentence 1',
      '¶1, sentence 2',
      '¶2, sentence 1',
    ]);
  });

  it('answers /who-said with the speaker, their role and the quote in bold', async () => {
    const d = bot.discord;
    const id = d.slash('who-said', { topic: 'exchange of territory' });
    const first = await d.firstResponse(id);
    expect(first.at - (d.dispatchedAt.get(id) ?? 0)).toBeLessThan(3000);
    const embed = (first.body as Body & { data: { embeds: { author?: { name: string } }[] } }).data.embeds[0];
    expect(embed?.author?.name).toBe('Dmitry Peskov · Kremlin spokesman');
    expect((embed as { description?: string }).description).toMatch(
      /^“\*\*Russia has never discussed it before .* territory,\*\*” Kremlin spokesman Dmitry Peskov said Wednesday\.$/,
    );
  });

  it('answers /quotes with every spelling of a name merged, in article order', async () => {
    const d = bot.discord;
    const id = d.slash('quotes', { speaker: 'Hegus' });
    await d.firstResponse(id);
    const message = d.originalMessage(id) as APIMessage;
    expect(message.embeds[0]?.author?.name).toMatch(/^Pete Heg\w+ · US Defense Secretary$/);
    expect(message.embeds.map((e) => e.fields?.[0]?.name)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    expect(message.embeds.at(-1)?.footer?.text).toMatch(/^Query: \/quotes speaker:Hegus · page 1 of [2-9]$/);
  });

  it('suggests speakers with their statement counts', async () => {
    const d = bot.discord;
    const body = (await d.firstResponse(d.autocomplete('quotes', { speaker: 'heg' }, 'speaker')))
      .body as Body;
    const choices = body.data?.choices ?? [];
    expect(choices[0]?.name).toMatch(/^Pete Heg\w+ \(\d+\)$/);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    const all = (await d.firstResponse(d.autocomplete('quotes', { speaker: '' }, 'speaker'))).body as Body;
    expect(all.data?.choices?.length).toBeGreaterThan(5);
    expect(all.data?.choices?.length).toBeLessThanOrEqual(25);
  });

  it('traces a retold quote with the Find source menu and shows how the wording differs', async () => {
    const d = bot.discord;
    const id = d.messageMenu(
      'Find source',
      'Hegseth said the US doesnt consider Ukraines NATO membership a realistic outcome',
    );
    const first = await d.firstResponse(id);
    const embed = (
      first.body as {
        data: { embeds: { author?: { name: string }; fields?: { name: string; value: string }[] }[] };
      }
    ).data.embeds[0];
    expect(embed?.author?.name).toMatch(/^Pete Heg/);
    expect(embed?.fields?.[0]?.name).toBe('How the wording differs');
    expect(embed?.fields?.[0]?.value).toMatch(/~~|\*\*/);
    const empty = ((await d.firstResponse(d.messageMenu('Find source', '   '))).body as Body).data;
    expect(empty?.content).toBe('That message has no text to trace.');
  });

  it('pages with More and Back, and says when a page is gone', async () => {
    const d = bot.discord;
    const id = d.slash('ask', { question: 'NATO Ukraine Hegseth' });
    await d.firstResponse(id);
    const first = d.originalMessage(id) as APIMessage;
    type Row = { components: { custom_id: string; label: string; disabled?: boolean }[] };
    const buttons = (first.components as unknown as Row[])[0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['Back', 'More']);
    expect(buttons[0]?.disabled).toBe(true);
    expect(first.embeds.at(-1)?.footer?.text).toMatch(/page 1 of \d+$/);

    const click = d.click(first, buttons[1]!.custom_id);
    const update = await d.firstResponse(click);
    expect((update.body as Body).type).toBe(7);
    const second = d.messages.get(first.id) as APIMessage;
    expect(second.embeds.at(-1)?.footer?.text).toMatch(/page 2 of \d+$/);
    expect(second.embeds[0]?.fields?.[0]?.name).toBe('[6]');

    const back = (second.components as unknown as Row[])[0]!.components[0]!.custom_id;
    await d.firstResponse(d.click(second, back));
    expect((d.messages.get(first.id) as APIMessage).embeds.at(-1)?.footer?.text).toMatch(/page 1 of/);

    const stale = {
      ...second,
      embeds: second.embeds.map((e) => ({ ...e, footer: { text: 'Query: /ask question:"something else"' } })),
    };
    const gone = ((await d.firstResponse(d.click(stale, buttons[1]!.custom_id))).body as Body).data;
    expect(gone?.content).toMatch(/no longer available/);
    expect(gone?.flags).toBe(EPHEMERAL);
  });

  it('answers article autocomplete with at most 25 choices of at most 100 characters', async () => {
    const d = bot.discord;
    const id = d.autocomplete('ask', { question: 'x', article: 'heg nato' }, 'article');
    const body = (await d.firstResponse(id)).body as Body;
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices).toEqual([
      {
        name: 'Hegseth excludes NATO membership in Ukraine and says Europe must be in charge of… (CNN, 2025-02-12)',
        value: 'cnn-2025-02-12-hegseth-nato-ukraine',
      },
    ]);
    const none = (await d.firstResponse(d.autocomplete('ask', { question: 'x', article: 'zzz' }, 'article')))
      .body as Body;
    expect(none.data?.choices).toEqual([]);
  });

  it('answers slash commands used in a DM', async () => {
    const d = bot.discord;
    const id = d.slash('ask', { question: 'Who will not discuss the exchange of territory?' }, { dm: true });
    expect(JSON.stringify((await d.firstResponse(id)).body)).toMatch(/Dmitry Peskov/);
  });

  it('answers plain-text DMs and ignores server messages', async () => {
    const d = bot.discord;
    d.guildMessage('Who will not discuss the exchange of territory?');
    d.directMessage('Who will not discuss the exchange of territory?');
    const sent = await d.waitFor(
      () => d.requests.find((r) => r.method === 'POST' && r.path === `/channels/${d.dmChannelId}/messages`),
      5000,
      'a DM reply',
    );
    expect(JSON.stringify(sent.body)).toMatch(/Dmitry Peskov/);
    d.directMessage('sources');
    await d.waitFor(
      () => d.requests.filter((r) => r.path === `/channels/${d.dmChannelId}/messages`).length >= 2,
      5000,
      'a second DM reply',
    );
    expect(d.requests.some((r) => r.path === `/channels/${d.channelId}/messages`)).toBe(false);
  });

  it('logs and drops an interaction that expired, and keeps answering', async () => {
    const d = bot.discord;
    d.faults.push({
      match: (method, path) => method === 'POST' && /\/callback$/.test(path),
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
    });
    const id = d.slash('help');
    await d.waitFor(() => bot.output().stderr.includes(`"interaction":"${id}"`), 5000, 'the log line');
    expect(bot.output().stderr).toMatch(/interaction expired or already answered; dropped/);
    await new Promise((r) => setTimeout(r, 200));
    expect(d.responsesTo(id)).toHaveLength(1);
    const next = d.slash('help');
    expect(((await d.firstResponse(next)).body as Body).type).toBe(4);
  });

  it('sends no message that could mention anyone or break a limit', () => {
    const writes = messageWrites(bot.discord.requests);
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes) {
      expect(messageProblems(messageOf(w.path, w.body)), `${w.method} ${w.path}`).toEqual([]);
      // Not even an error reply carries the token.
      expect(JSON.stringify(w.body)).not.toContain(bot.discord.token);
    }
  });

  it('never prints the token', () => {
    const { stdout, stderr } = bot.output();
    expect(stderr.length).toBeGreaterThan(0);
    expect(stdout + stderr).not.toContain(bot.discord.token);
  });
});

describe('registration', () => {
  it('registers globally without a test guild, for guilds, DMs and private channels', async () => {
    const bot = await startBotUnderTest({}, { guild: false });
    try {
      const global = bot.discord.commands.get('global') ?? [];
      expect(global).toHaveLength(11);
      for (const c of global) {
        expect(c.contexts).toEqual([0, 1, 2]);
        expect(c.integration_types).toEqual([0, 1]);
      }
    } finally {
      await bot.stop();
    }
  });

  it('leaves commands alone when Discord already has them', async () => {
    const bot = await startBotUnderTest(
      {},
      {
        waitForCommands: false,
        // Pre-register exactly what the bot would, as Discord would return it.
        seed: (d) =>
          d.commands.set(
            d.guildId,
            commandPayloads({ kind: 'guild', guildId: d.guildId }).map(
              (c) => ({ ...c, id: '1', version: '1' }) as Record<string, unknown>,
            ),
          ),
      },
    );
    const d = bot.discord;
    try {
      await d.waitFor(
        () => /commands already up to date/.test(bot.output().stderr),
        20_000,
        'the up-to-date log',
      );
      expect(d.requests.some((r) => r.method === 'PUT')).toBe(false);
    } finally {
      await bot.stop();
    }
  });
});

describe('deadlines', () => {
  it('defers an interaction that arrives while the index is still being built, then edits the reply', async () => {
    const seed = readFileSync(SEED_FILE, 'utf8');
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`copy-${String(i).padStart(3, '0')}.md`] = seed;
    const dir = tempArticles(files);
    const bot = await startBotUnderTest({ CITEBOT_DATA: dir }, { waitForCommands: false });
    const d = bot.discord;
    try {
      await d.waitFor(() => d.sessions > 0, 20_000, 'login');
      expect(bot.output().stderr).not.toMatch(/library ready/);
      const id = d.slash('ask', {
        question: 'Who will not discuss the exchange of territory?',
        private: true,
      });
      const first = await d.firstResponse(id);
      expect(first.at - (d.dispatchedAt.get(id) ?? 0)).toBeLessThan(3000);
      expect(first.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      const edit = await d.waitFor(
        () => d.responsesTo(id).find((r) => r.method === 'PATCH'),
        30_000,
        'the edited reply',
      );
      expect(edit.path).toMatch(/\/messages\/@original$/);
      expect(JSON.stringify(edit.body)).toMatch(/Dmitry Peskov/);
      expect(messageProblems(edit.body)).toEqual([]);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});

describe('abuse limits', () => {
  it('turns away a user past the limit with a short private message, and lets them back later', async () => {
    const bot = await startBotUnderTest({ CITEBOT_USER_RATE: '2/2' });
    const d = bot.discord;
    try {
      const bodies = [];
      for (let i = 0; i < 3; i++) bodies.push(((await d.firstResponse(d.slash('help'))).body as Body).data);
      expect(bodies[2]).toMatchObject({
        content: expect.stringMatching(/^Slow down: try again in [12] s\.$/),
        flags: EPHEMERAL,
      });
      await new Promise((r) => setTimeout(r, 2100));
      expect(((await d.firstResponse(d.slash('help'))).body as Body).data?.embeds).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  }, 60_000);

  it('by default lets a newcomer try ten commands and page clicks at once, and stops a flood of 60', async () => {
    // '' is unset: the defaults, as a fresh .env.example gives them.
    const bot = await startBotUnderTest({ CITEBOT_USER_RATE: '', CITEBOT_CHANNEL_RATE: '' });
    const d = bot.discord;
    type Row = { components: { custom_id: string }[] };
    try {
      const tries: [string, Record<string, string>][] = [
        ['help', {}],
        ['sources', {}],
        ['ask', { question: 'NATO Ukraine Hegseth' }],
        ['who-said', { topic: 'NATO membership' }],
        ['quotes', { speaker: 'Hegseth' }],
        ['summary', {}],
        ['ask', { question: 'Who will not discuss the exchange of territory?' }],
        ['who-said', { topic: 'Europe' }],
        ['quotes', {}],
        ['summary', { sentences: '3' }],
      ];
      const contents: (string | undefined)[] = [];
      let paged = '';
      for (const [name, options] of tries) {
        const id = d.slash(name, options);
        contents.push(((await d.firstResponse(id)).body as Body).data?.content);
        if (name === 'ask' && !paged) paged = id;
      }
      const message = d.originalMessage(paged) as APIMessage;
      const more = (message.components as unknown as Row[])[0]!.components[1]!.custom_id;
      for (let i = 0; i < 3; i++) {
        const click = (await d.firstResponse(d.click(message, more))).body as Body;
        expect(click.type).toBe(7);
      }
      expect(contents.filter((c) => /Slow down/.test(c ?? ''))).toEqual([]);

      const flood = Array.from({ length: 60 }, () => d.slash('help'));
      await d.waitFor(() => flood.every((id) => d.responsesTo(id).length > 0), 20_000, 'the flood answered');
      const notes = flood
        .map((id) => (d.responsesTo(id)[0]?.body as Body | undefined)?.data)
        .filter((data) => /^Slow down: try again in \d+ s\.$/.test(data?.content ?? ''));
      expect(notes.length).toBeGreaterThan(20);
      for (const note of notes) expect(note?.flags).toBe(EPHEMERAL);
      expect(bot.child.exitCode).toBeNull();

      // The same person, still over the limit, floods the DMs: one note, not one per message.
      for (let i = 0; i < 5; i++) d.directMessage('sources');
      const dms = () => d.requests.filter((r) => r.path === `/channels/${d.dmChannelId}/messages`);
      await d.waitFor(() => dms().length > 0, 5000, 'the slow-down DM');
      await new Promise((r) => setTimeout(r, 500));
      // (One DM may get through if the bucket refills a token just then.)
      const slowDowns = dms().filter((r) =>
        /^Slow down: try again in \d+ s\.$/.test((r.body as { content?: string }).content ?? ''),
      );
      expect(slowDowns).toHaveLength(1);
      expect(dms().length).toBeLessThanOrEqual(2);
      expect((slowDowns[0]!.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    } finally {
      await bot.stop();
    }
  }, 60_000);
});

describe('bad data while running', () => {
  it('skips a bad file that arrives while the bot runs and keeps answering, with the new good ones', async () => {
    const dir = tempArticles({ 'a.md': readFileSync(SEED_FILE, 'utf8') });
    const bot = await startBotUnderTest({ CITEBOT_DATA: dir });
    const d = bot.discord;
    try {
      writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x00, 0xff, 0x10, 0x00]));
      writeFileSync(path.join(dir, 'empty.md'), '');
      writeFileSync(
        path.join(dir, 'new.md'),
        'Harbour master Jane Smith said the ferry would sail again on Monday.',
      );
      await d.waitFor(() => /library reloaded/.test(bot.output().stderr), 20_000, 'the reload');
      expect(bot.output().stderr).toMatch(/skipped binary\.md/);
      expect(bot.output().stderr).toMatch(/skipped empty\.md/);
      const body = (await d.firstResponse(d.slash('who-said', { topic: 'ferry' }))).body as Body;
      expect(JSON.stringify(body)).toMatch(/Jane Smith/);
      const old = (
        await d.firstResponse(d.slash('ask', { question: 'Who will not discuss the exchange of territory?' }))
      ).body;
      expect(JSON.stringify(old)).toMatch(/Dmitry Peskov/);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
