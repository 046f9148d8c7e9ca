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
});
