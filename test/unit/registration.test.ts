import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandPayloads, sameCommands } from '../../src/discord/registration.js';

type Json = Record<string, unknown> & { options?: Record<string, unknown>[] };

describe('commandPayloads', () => {
  const guild = commandPayloads({ kind: 'guild', guildId: '123456789012345678' }) as unknown as Json[];
  const byName = new Map(guild.map((c) => [c.name, c]));

  it('registers the contract’s commands and the Find source message menu', () => {
    expect(guild.map((c) => c.name)).toEqual([
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
    expect(byName.get('Find source')).toMatchObject({ type: ApplicationCommandType.Message });
    expect(byName.get('Find source')).not.toHaveProperty('description');
  });

  it('gives each command the contract’s options', () => {
    const options = (name: string) =>
      (byName.get(name)?.options ?? []).map((o) => [o.name, o.type, o.required, o.autocomplete ?? false]);
    const S = ApplicationCommandOptionType.String;
    const B = ApplicationCommandOptionType.Boolean;
    const I = ApplicationCommandOptionType.Integer;
    expect(options('who-said')).toEqual([
      ['topic', S, true, false],
      ['article', S, false, true],
      ['private', B, false, false],
    ]);
    expect(options('quotes')).toEqual([
      ['speaker', S, false, true],
      ['article', S, false, true],
      ['private', B, false, false],
    ]);
    expect(options('summary')).toEqual([
      ['article', S, false, true],
      ['sentences', I, false, false],
      ['focus', S, false, false],
      ['private', B, false, false],
    ]);
    expect(byName.get('summary')?.options?.[1]).toMatchObject({ min_value: 1, max_value: 10 });
    expect(options('ask')).toEqual([
      ['question', S, true, false],
      ['article', S, false, true],
      ['private', B, false, false],
    ]);
    expect(options('sources')).toEqual([['private', B, false, false]]);
    expect(options('help')).toEqual([]);
  });

  it('keeps names and descriptions within Discord’s rules', () => {
    for (const c of guild) {
      if (c.type === ApplicationCommandType.ChatInput) {
        expect(c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(String(c.description).length).toBeLessThanOrEqual(100);
      }
      for (const o of c.options ?? []) expect(String(o.description).length).toBeLessThanOrEqual(100);
    }
  });

  it('offers global commands in servers, bot DMs and private channels, for both install types', () => {
    for (const c of commandPayloads({ kind: 'global' }) as unknown as Json[]) {
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
    }
    for (const c of guild) expect(c).not.toHaveProperty('contexts');
  });
});

describe('sameCommands', () => {
  const wanted = commandPayloads({ kind: 'global' }) as unknown as Json[];
  it('sees Discord’s copy (with ids and defaults added) as the same', () => {
    const registered = wanted.map((c) => ({
      ...c,
      id: '1',
      version: '2',
      default_member_permissions:
        (c as { default_member_permissions?: string }).default_member_permissions ?? null,
      nsfw: false,
    }));
    expect(sameCommands(registered, wanted)).toBe(true);
  });
  it('notices a changed description, a missing command or a new option', () => {
    expect(sameCommands(wanted.slice(1), wanted)).toBe(false);
    const changed = wanted.map((c) => (c.name === 'ask' ? { ...c, description: 'old' } : c));
    expect(sameCommands(changed, wanted)).toBe(false);
    const fewer = wanted.map((c) => (c.name === 'summary' ? { ...c, options: c.options?.slice(1) } : c));
    expect(sameCommands(fewer, wanted)).toBe(false);
  });
});
