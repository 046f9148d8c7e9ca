/** The HTTP adapter's exactly-once rule: a late answer becomes one edit after the deferred response. */
import { describe, expect, it } from 'vitest';
import { type CallbackBody, HttpInteraction, type RawInteraction } from '../../src/discord/http/adapter.js';

function fake() {
  const responses: CallbackBody[] = [];
  const edits: Record<string, unknown>[] = [];
  let open = true;
  return {
    responses,
    edits,
    transport: {
      respond(body: CallbackBody) {
        if (!open) return false;
        open = false;
        responses.push(body);
        return true;
      },
      async editOriginal(body: Record<string, unknown>) {
        edits.push(body);
      },
    },
  };
}

const raw: RawInteraction = {
  id: '1',
  application_id: '2',
  type: 2,
  token: 't',
  user: { id: '3' },
  data: { name: 'ask', type: 1, options: [{ name: 'private', type: 5, value: true }] },
};

describe('HttpInteraction', () => {
  it('defers privately when late, then edits once, without flags, mentions off', async () => {
    const f = fake();
    const i = new HttpInteraction(raw, f.transport);
    i.deferNow();
    expect(f.responses).toEqual([{ type: 5, data: { flags: 64 } }]);
    await i.reply({ content: 'late', embeds: [], components: [], allowedMentions: { parse: [] }, flags: 64 });
    await i.reply({ content: 'again', embeds: [], components: [], allowedMentions: { parse: [] } });
    await i.editReply({ content: 'and again', embeds: [], components: [], allowedMentions: { parse: [] } });
    expect(f.edits).toEqual([
      { content: 'late', embeds: [], components: [], allowed_mentions: { parse: [] } },
    ]);
  });

  it('answers in the response when in time and never defers after', async () => {
    const f = fake();
    const i = new HttpInteraction(raw, f.transport);
    await i.reply({ content: 'now', embeds: [], components: [], allowedMentions: { parse: [] } });
    i.deferNow();
    expect(f.responses).toHaveLength(1);
    expect(f.responses[0]?.type).toBe(4);
    expect(f.edits).toEqual([]);
  });

  it('reads the server, subcommands, strings, booleans, channels and uploaded files as the handler asks', () => {
    const f = fake();
    const i = new HttpInteraction(
      {
        id: '5',
        application_id: '2',
        type: 2,
        token: 't',
        guild_id: '77',
        member: { user: { id: '3' } },
        data: {
          name: 'feeds',
          type: 1,
          options: [
            {
              name: 'add',
              type: 1,
              options: [
                { name: 'url', type: 3, value: 'https://example.org/feed' },
                { name: 'channel', type: 7, value: '88' },
                { name: 'private', type: 5, value: true },
                { name: 'file', type: 11, value: '99' },
              ],
            },
          ],
          resolved: {
            attachments: { '99': { filename: 'story.md', url: 'https://cdn.example/s.md', size: 12 } },
          },
        },
      },
      f.transport,
    );
    expect(i.guildId).toBe('77');
    expect(i.user.id).toBe('3');
    expect(i.options.getSubcommand()).toBe('add');
    expect(i.options.getString('url')).toBe('https://example.org/feed');
    expect(i.options.getString('missing')).toBeNull();
    expect(i.options.getBoolean('private')).toBe(true);
    expect(i.options.getChannel('channel')).toEqual({ id: '88' });
    expect(i.options.getAttachment('file')).toEqual({
      name: 'story.md',
      url: 'https://cdn.example/s.md',
      size: 12,
    });
    expect(new HttpInteraction({ ...raw }, f.transport).guildId).toBeNull();
  });

  it('after a public deferral, a refusal deletes the placeholder and follows up once', async () => {
    const f = fake();
    const deleted: number[] = [];
    const followUps: Record<string, unknown>[] = [];
    const i = new HttpInteraction(raw, {
      ...f.transport,
      deleteOriginal: async () => {
        deleted.push(1);
      },
      followUp: async (body) => {
        followUps.push(body);
      },
    });
    await i.deferReply();
    await i.deleteReply();
    await i.followUp({ content: 'No.', flags: 64 });
    await i.editReply({ content: 'late' });
    expect(deleted).toHaveLength(1);
    expect(followUps).toEqual([
      { content: 'No.', flags: 64, embeds: [], components: [], allowed_mentions: { parse: [] } },
    ]);
    expect(f.edits).toEqual([]);
  });
});
