/**
 * One way to build what the bot sends: short notes (private to the asker, or plain in a DM) and
 * reply bodies reshaped for edits and DMs. Every body says mentions are off.
 */
import { MessageFlags } from 'discord.js';
import { LIMITS, truncate } from './limits.js';
import type { DiscordReply } from './render.js';

/** A short text reply; private (ephemeral) unless `visible`. The text is ours, not article text. */
export function note(content: string, visible = false): DiscordReply {
  return {
    content: truncate(content, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
    ...(visible ? {} : { flags: MessageFlags.Ephemeral }),
  };
}

/** A reply without its ephemeral flag: for editing a deferred reply or sending a DM (neither takes it). */
export function withoutFlags(reply: DiscordReply): Omit<DiscordReply, 'flags'> {
  const { flags: _flags, ...body } = reply;
  return body;
}

/** A reply, or the part of one a caller has (an edit may leave fields out), with its flags. */
export type ReplyLike = Partial<DiscordReply> & { flags?: number };

/** A reply body in the API's field names; mentions always off. */
export function apiBody(reply: ReplyLike, keepFlags: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowed_mentions: { parse: [] },
  };
  if (reply.content !== undefined) body.content = reply.content;
  if (keepFlags && reply.flags !== undefined) body.flags = reply.flags;
  return body;
}
