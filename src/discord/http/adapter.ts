/**
 * A raw Discord interaction payload (as an HTTP interactions endpoint receives it) dressed as
 * the small part of a discord.js interaction the gateway's handler uses, so both paths run the
 * same handler and renderers. Replies become the HTTP response while it is still open, else one
 * webhook edit of `@original`; nothing is ever answered twice.
 */
import { MessageFlags } from 'discord.js';
import { apiBody, type ReplyLike } from '../respond.js';

/** An interaction callback body, the HTTP response to Discord. */
export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

/** What the adapter needs from outside: the HTTP response, and the webhook edit of `@original`. */
export interface Transport {
  /** Sends the HTTP response; false when it already went (the adapter then edits instead). */
  respond(body: CallbackBody): boolean;
  /** PATCH /webhooks/{application}/{token}/messages/@original. */
  editOriginal(body: Record<string, unknown>): Promise<void>;
  /** DELETE /webhooks/{application}/{token}/messages/@original. */
  deleteOriginal?(): Promise<void>;
  /** POST /webhooks/{application}/{token}: a follow-up message. */
  followUp?(body: Record<string, unknown>): Promise<void>;
}

/** An uploaded file as the payload's `resolved.attachments` (or a message's `attachments`) gives it. */
interface RawAttachment {
  id?: string;
  filename?: string;
  url?: string;
  size?: number;
}

/** The part of a discord.js Attachment the handler reads. */
export interface AttachmentLike {
  name: string;
  url: string;
  size: number;
}

function attachmentOf(raw: RawAttachment | undefined): AttachmentLike | null {
  if (!raw || typeof raw.url !== 'string') return null;
  return { name: String(raw.filename ?? 'file'), url: raw.url, size: Number(raw.size ?? 0) };
}

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: RawOption[];
}

export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  data?: {
    name?: string;
    type?: number;
    options?: RawOption[];
    custom_id?: string;
    component_type?: number;
    target_id?: string;
    resolved?: {
      messages?: Record<string, { content?: string; attachments?: RawAttachment[] }>;
      attachments?: Record<string, RawAttachment>;
    };
  };
  guild_id?: string;
  channel_id?: string;
  channel?: { id?: string };
  member?: { user?: { id: string } };
  user?: { id: string };
  message?: { embeds?: { footer?: { text?: string } }[]; flags?: number };
}

/** Interaction types (Discord API). */
export const InteractionKind = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4 } as const;

/** Whether a command asks for a private answer (its `private` option). */
export function wantsPrivate(raw: RawInteraction): boolean {
  return (raw.data?.options ?? []).some((o) => o.name === 'private' && o.value === true);
}

/**
 * The discord.js-shaped view of `raw`. `deferNow` (called by the server when the answer is late)
 * sends the deferred response; afterwards a reply edits `@original`.
 */
export class HttpInteraction {
  readonly id: string;
  readonly type: number;
  readonly commandName: string;
  readonly customId: string;
  readonly channelId: string | null;
  /** The server it was asked in; null in DMs. */
  readonly guildId: string | null;
  readonly user: { id: string };
  /** A deferred (type 5 or 6) response went as the HTTP response. */
  deferred = false;
  /** The answer went: as the HTTP response, or as the one edit. */
  replied = false;
  private edited = false;

  constructor(
    private readonly raw: RawInteraction,
    private readonly transport: Transport,
  ) {
    this.id = raw.id;
    this.type = raw.type;
    this.commandName = raw.data?.name ?? '';
    this.customId = raw.data?.custom_id ?? '';
    this.channelId = raw.channel_id ?? raw.channel?.id ?? null;
    this.guildId = typeof raw.guild_id === 'string' ? raw.guild_id : null;
    this.user = { id: raw.member?.user?.id ?? raw.user?.id ?? 'unknown' };
  }

  isAutocomplete(): boolean {
    return this.raw.type === InteractionKind.Autocomplete;
  }
  isChatInputCommand(): boolean {
    return this.raw.type === InteractionKind.Command && (this.raw.data?.type ?? 1) === 1;
  }
  isMessageContextMenuCommand(): boolean {
    return this.raw.type === InteractionKind.Command && this.raw.data?.type === 3;
  }
  isButton(): boolean {
    return this.raw.type === InteractionKind.Component && this.raw.data?.component_type === 2;
  }
  isRepliable(): boolean {
    return this.raw.type === InteractionKind.Command || this.raw.type === InteractionKind.Component;
  }

  get options() {
    const data = flatten(this.raw.data?.options ?? []);
    const value = (name: string) => data.find((o) => o.name === name)?.value;
    const resolved = this.raw.data?.resolved;
    return {
      data,
      getString: (name: string, _required?: boolean): string | null => {
        const v = value(name);
        return typeof v === 'string' ? v : null;
      },
      getBoolean: (name: string): boolean | null => {
        const v = value(name);
        return typeof v === 'boolean' ? v : null;
      },
      getInteger: (name: string): number | null => {
        const v = value(name);
        return typeof v === 'number' && Number.isInteger(v) ? v : null;
      },
      getAttachment: (name: string): AttachmentLike | null => {
        const v = value(name);
        return typeof v === 'string' ? attachmentOf(resolved?.attachments?.[v]) : null;
      },
      getChannel: (name: string): { id: string } | null => {
        const v = value(name);
        return typeof v === 'string' ? { id: v } : null;
      },
      getSubcommand: (): string => {
        const first = this.raw.data?.options?.[0];
        const sub = first?.type === 2 ? first.options?.[0] : first;
        return sub?.type === 1 ? sub.name : '';
      },
      getFocused: (_full: true) => {
        const focused = data.find((o) => o.focused) ?? { name: '', value: '' };
        return { name: focused.name, value: focused.value ?? '' };
      },
    };
  }

  get targetMessage(): { content: string; attachments: Map<string, AttachmentLike> } {
    const target = this.raw.data?.target_id;
    const message = target ? this.raw.data?.resolved?.messages?.[target] : undefined;
    const attachments = new Map<string, AttachmentLike>();
    (Array.isArray(message?.attachments) ? message.attachments : []).forEach((a, i) => {
      const attachment = attachmentOf(a);
      if (attachment) attachments.set(String(a.id ?? i), attachment);
    });
    return { content: typeof message?.content === 'string' ? message.content : '', attachments };
  }

  get message() {
    const flags = this.raw.message?.flags ?? 0;
    return {
      embeds: this.raw.message?.embeds ?? [],
      flags: { has: (bit: number) => (flags & bit) === bit },
    };
  }

  /** Sends the deferred response now, if nothing was sent yet: the answer will be an edit. */
  deferNow(): void {
    if (this.replied || this.deferred) return;
    if (this.isAutocomplete()) {
      // Autocomplete cannot be deferred: an empty list is the answer.
      this.replied = this.transport.respond({ type: 8, data: { choices: [] } });
      return;
    }
    const flags = this.isButton() ? undefined : wantsPrivate(this.raw) ? MessageFlags.Ephemeral : undefined;
    const type = this.isButton() ? 6 : 5;
    this.deferred = this.transport.respond({ type, ...(flags ? { data: { flags } } : {}) });
  }

  async deferReply(options: { flags?: number } = {}): Promise<void> {
    if (this.replied || this.deferred) return;
    const flags = options.flags ?? undefined;
    this.deferred = this.transport.respond({ type: 5, ...(flags ? { data: { flags } } : {}) });
  }

  async reply(reply: ReplyLike): Promise<void> {
    await this.answer(4, reply);
  }

  async update(reply: ReplyLike): Promise<void> {
    await this.answer(7, reply);
  }

  async editReply(reply: ReplyLike): Promise<void> {
    await this.edit(reply);
  }

  /** Removes the deferred "thinking…" message (before a private refusal follows up). */
  async deleteReply(): Promise<void> {
    if (!this.deferred || this.edited) return;
    this.edited = true;
    await this.transport.deleteOriginal?.();
  }

  /** A follow-up message (a private refusal after a public deferral). */
  async followUp(reply: ReplyLike): Promise<void> {
    if (!this.deferred && !this.replied) return;
    await this.transport.followUp?.(apiBody(reply, true));
  }

  async respond(choices: { name: string; value: string }[]): Promise<void> {
    if (this.replied) return;
    this.replied = this.transport.respond({ type: 8, data: { choices } });
  }

  private async answer(type: 4 | 7, reply: ReplyLike): Promise<void> {
    if (this.replied) return;
    if (!this.deferred) {
      if (this.transport.respond({ type, data: apiBody(reply, type === 4) })) {
        this.replied = true;
        return;
      }
    }
    await this.edit(reply);
  }

  private async edit(reply: ReplyLike): Promise<void> {
    if (this.edited || !this.deferred) return;
    this.edited = true;
    this.replied = true;
    await this.transport.editOriginal(apiBody(reply, false));
  }
}

/** Subcommand options flattened to the leaf options (the handler reads `options.data`). */
function flatten(options: RawOption[]): RawOption[] {
  return options.flatMap((o) => (o.options && (o.type === 1 || o.type === 2) ? flatten(o.options) : [o]));
}
