/**
 * A loopback fake Discord for end-to-end tests: REST on node:http and a gateway on ws, enough of
 * both for the real discord.js client to log in, receive interactions and DMs, and reply. Every
 * REST request is recorded for the tests to inspect.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIEmbed,
  type APIMessage,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  type GatewayDispatchPayload,
  GatewayOpcodes,
  InteractionType,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, with %40 decoded to @. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The Authorization header, if any. */
  authorization: string | undefined;
  at: number;
  /** The status the fake answered with. */
  status?: number;
}

/** Something the test can make fail: the next REST request matching `match` gets `status`. */
export interface RestFault {
  match: (method: string, path: string) => boolean;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests to fail (default 1). */
  times?: number;
}

type OptionValue = string | number | boolean;

interface RouteContext {
  method: string;
  m: RegExpExecArray;
  body: unknown;
  url: URL;
  send: (status: number, payload?: unknown, headers?: Record<string, string>) => void;
}

const EPOCH = 1420070400000n;
let counter = 0n;

/** A Discord-style snowflake id, increasing. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | counter).toString();
}

const OPTION_TYPES: Record<string, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
};

export class FakeDiscord {
  readonly token = 'fake-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part';
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly dmChannelId = snowflake();
  readonly botUser = {
    id: this.applicationId,
    username: 'citebot',
    discriminator: '0',
    global_name: 'Citebot',
    avatar: null,
    bot: true,
  };
  readonly human = {
    id: snowflake(),
    username: 'reader',
    discriminator: '0',
    global_name: 'Reader',
    avatar: null,
  };

  readonly requests: RecordedRequest[] = [];
  /** Registered commands: key "global" or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  readonly messages = new Map<string, APIMessage>();
  /** Gateway payloads received from the client. */
  readonly gatewayReceived: { op: number; d: unknown }[] = [];
  readonly faults: RestFault[] = [];
  /** Requests that are answered late: the next one matching waits `delayMs`. */
  readonly delays: { match: (method: string, path: string) => boolean; delayMs: number }[] = [];
  /** Interaction id → when it was dispatched. */
  readonly dispatchedAt = new Map<string, number>();

  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  /** Which shard each connection identified as: [id, count]. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  private sequence = 0;
  private sessionId = 'session-1';
  private readonly interactionTokens = new Map<string, string>();
  /** Interaction token → id of its original response message. */
  private readonly originals = new Map<string, string>();
  private listeners: (() => void)[] = [];
  private readyCount = 0;

  get port(): number {
    if (!this.server) throw new Error('the fake Discord is not started');
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** How many times a client identified or resumed successfully. */
  get sessions(): number {
    return this.readyCount;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.connect(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss?.close();
    // Keep-alive connections from a client would hold the server open.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---------------------------------------------------------------- gateway

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.gatewayReceived.push(payload);
      this.changed();
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          break;
        case GatewayOpcodes.Identify: {
          const token = String((payload.d as { token?: string }).token ?? '').replace(/^Bot /, '');
          if (token !== this.token) {
            socket.close(4004, 'Authentication failed.');
            return;
          }
          this.sequence = 0;
          this.sessionId = `session-${snowflake()}`;
          const shard = ((payload.d as { shard?: [number, number] }).shard ?? [0, 1]) as [number, number];
          this.shardOf.set(socket, shard);
          this.identified.push(shard);
          this.sendDispatch(socket, 'READY', {
            v: 10,
            user: { ...this.botUser, flags: 0, verified: true, mfa_enabled: false },
            guilds:
              this.shardForGuild(shard[1]) === shard[0] ? [{ id: this.guildId, unavailable: true }] : [],
            session_id: this.sessionId,
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            shard,
            application: { id: this.applicationId, flags: 0 },
          });
          // Guilds belong to one shard: (guild_id >> 22) % shard count.
          if (this.shardForGuild(shard[1]) === shard[0])
            this.sendDispatch(socket, 'GUILD_CREATE', this.guildPayload());
          this.readyCount++;
          this.changed();
          break;
        }
        case GatewayOpcodes.Resume: {
          const d = payload.d as { session_id: string; seq: number };
          if (d.session_id !== this.sessionId) {
            socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
            return;
          }
          this.sendDispatch(socket, 'RESUMED', {});
          this.readyCount++;
          this.changed();
          break;
        }
      }
    });
  }

  private guildPayload() {
    return {
      id: this.guildId,
      name: 'Test newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.human.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [
        {
          id: this.channelId,
          type: ChannelType.GuildText,
          name: 'news',
          position: 0,
          permission_overwrites: [],
          guild_id: this.guildId,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      stickers: [],
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      vanity_url_code: null,
      description: null,
      banner: null,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  private sendDispatch(socket: WebSocket, t: string, d: unknown): void {
    this.sequence++;
    socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: this.sequence, d }));
  }

  /** Shards that identified, as [id, count], in order. */
  readonly identified: [number, number][] = [];

  private shardForGuild(count: number): number {
    return Number((BigInt(this.guildId) >> 22n) % BigInt(count));
  }

  /**
   * Sends a dispatch as Discord does: to the shard that owns the guild (shard 0 for DMs), or to
   * every connection when `everyone`.
   */
  dispatch(t: GatewayDispatchPayload['t'] | string, d: unknown, everyone = false): void {
    const guild = (d as { guild_id?: string } | null)?.guild_id;
    for (const socket of this.sockets) {
      const [id, count] = this.shardOf.get(socket) ?? [0, 1];
      const owner = guild ? this.shardForGuild(count) : 0;
      if (everyone || id === owner) this.sendDispatch(socket, t, d);
    }
  }

  /** Sends a raw gateway payload (e.g. op 7 RECONNECT) to every client. */
  sendOp(op: number, d: unknown = null): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op, d }));
  }

  /** Closes every gateway connection with `code`. */
  dropConnections(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'test');
  }

  get connections(): number {
    return this.sockets.size;
  }

  // ---------------------------------------------------------------- interactions and DMs

  private member() {
    return {
      user: this.human,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: '1071698660929',
    };
  }

  private baseInteraction(
    type: InteractionType,
    data: unknown,
    dm: boolean,
    message?: APIMessage,
    guildId: string = this.guildId,
  ) {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    this.interactionTokens.set(id, token);
    this.interactionOfToken.set(token, id);
    const where = dm
      ? {
          channel_id: this.dmChannelId,
          channel: {
            id: this.dmChannelId,
            type: ChannelType.DM,
            recipients: [this.human],
            last_message_id: null,
            flags: 0,
          },
          user: this.human,
          context: 1,
          authorizing_integration_owners: { '1': this.human.id },
        }
      : {
          guild_id: guildId,
          channel_id: this.channelId,
          channel: {
            id: this.channelId,
            type: ChannelType.GuildText,
            name: 'news',
            guild_id: guildId,
            flags: 0,
          },
          member: this.member(),
          guild_locale: 'en-US',
          context: 0,
          authorizing_integration_owners: { '0': guildId },
        };
    return {
      id,
      token,
      payload: {
        id,
        application_id: this.applicationId,
        type,
        token,
        version: 1,
        locale: 'en-US',
        app_permissions: '1071698660929',
        entitlements: [],
        attachment_size_limit: 8388608,
        data,
        ...where,
        ...(message ? { message } : {}),
      },
    };
  }

  private optionsJson(options: Record<string, OptionValue>, focused?: string) {
    return Object.entries(options).map(([name, value]) => ({
      name,
      type: OPTION_TYPES[typeof value] ?? ApplicationCommandOptionType.String,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));
  }

  /** Sends a slash command; returns the interaction id. */
  slash(
    name: string,
    options: Record<string, OptionValue> = {},
    opts: { dm?: boolean; guild?: string; subcommand?: string } = {},
  ): string {
    const values = this.optionsJson(options);
    const { id, payload } = this.baseInteraction(
      InteractionType.ApplicationCommand,
      {
        id: this.commandId(name),
        name,
        type: ApplicationCommandType.ChatInput,
        options: opts.subcommand
          ? [{ name: opts.subcommand, type: ApplicationCommandOptionType.Subcommand, options: values }]
          : values,
      },
      opts.dm ?? false,
      undefined,
      opts.guild,
    );
    this.sendInteraction(id, payload);
    return id;
  }

  /** Sends an autocomplete request with `focused` as the option being typed. */
  autocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    opts: { guild?: string } = {},
  ): string {
    const { id, payload } = this.baseInteraction(
      InteractionType.ApplicationCommandAutocomplete,
      {
        id: this.commandId(name),
        name,
        type: ApplicationCommandType.ChatInput,
        options: this.optionsJson(options, focused),
      },
      false,
      undefined,
      opts.guild,
    );
    this.sendInteraction(id, payload);
    return id;
  }

  private buttonInteraction(message: APIMessage, customId: string): string {
    const { id, payload } = this.baseInteraction(
      InteractionType.MessageComponent,
      { custom_id: customId, component_type: ComponentType.Button },
      false,
      message,
    );
    this.sendInteraction(id, payload);
    return id;
  }

  /** Uses a message context-menu command (e.g. "Find source") on a message with `content`. */
  messageMenu(name: string, content: string, opts: { guild?: string } = {}): string {
    const target = this.userMessage(content, this.channelId);
    const { id, payload } = this.baseInteraction(
      InteractionType.ApplicationCommand,
      {
        id: this.commandId(name),
        name,
        type: ApplicationCommandType.Message,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
      false,
      undefined,
      opts.guild,
    );
    this.sendInteraction(id, payload);
    return id;
  }

  /** A user writes to the bot in a DM. */
  directMessage(content: string): APIMessage {
    const message = this.userMessage(content, this.dmChannelId);
    this.dispatch('MESSAGE_CREATE', { ...message, channel_type: ChannelType.DM });
    return message;
  }

  /** A user writes in a server channel. */
  guildMessage(content: string): APIMessage {
    const message = this.userMessage(content, this.channelId);
    this.dispatch('MESSAGE_CREATE', {
      ...message,
      guild_id: this.guildId,
      member: this.member(),
      channel_type: ChannelType.GuildText,
    });
    return message;
  }

  private userMessage(content: string, channelId: string): APIMessage {
    return messageShape(this.human, content, channelId);
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found?.id) return String(found.id);
    }
    return snowflake();
  }

  private sendInteraction(id: string, payload: unknown): void {
    this.dispatchedAt.set(id, Date.now());
    this.dispatch('INTERACTION_CREATE', payload);
  }

  // ---------------------------------------------------------------- looking at what the bot did

  /** Requests that answered interaction `id`: its callback, and edits or follow-ups with its token. */
  responsesTo(id: string): RecordedRequest[] {
    return this.byInteraction.get(id) ?? [];
  }

  /** Requests by the interaction they answer (callbacks, and edits or follow-ups by token). */
  private readonly byInteraction = new Map<string, RecordedRequest[]>();
  private readonly interactionOfToken = new Map<string, string>();

  private indexRequest(request: RecordedRequest): void {
    const callback = /^\/interactions\/(\d+)\//.exec(request.path);
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(request.path);
    const id = callback?.[1] ?? (webhook ? this.interactionOfToken.get(webhook[1] as string) : undefined);
    if (id === undefined) return;
    const list = this.byInteraction.get(id) ?? [];
    list.push(request);
    this.byInteraction.set(id, list);
  }

  /** The message the bot's answer to interaction `id` ended up as (after edits). */
  originalMessage(id: string): APIMessage | undefined {
    const token = this.interactionTokens.get(id);
    const messageId = token ? this.originals.get(token) : undefined;
    return messageId ? this.messages.get(messageId) : undefined;
  }

  /** Resolves when `predicate` holds, checking after every request and gateway event. */
  waitFor<T>(
    predicate: () => T | undefined | false | null,
    timeoutMs = 10_000,
    what = 'condition',
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.listeners = this.listeners.filter((l) => l !== check);
        clearTimeout(timer);
        clearInterval(poll);
      };
      const check = () => {
        const value = predicate();
        if (value) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      // Also poll, for conditions on things other than this server (a child's output).
      const poll = setInterval(check, 25);
      this.listeners.push(check);
      check();
    });
  }

  /** Responses to interaction `id` that Discord accepted (status below 400). */
  acceptedResponsesTo(id: string): RecordedRequest[] {
    return this.responsesTo(id).filter((r) => (r.status ?? 0) < 400);
  }

  /** Waits for the first response to interaction `id`. */
  firstResponse(id: string, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.waitFor(() => this.responsesTo(id)[0], timeoutMs, `a response to interaction ${id}`);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // ---------------------------------------------------------------- REST

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(?:\/v\d+)?/, '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const method = req.method ?? 'GET';
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(request);
    this.indexRequest(request);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      request.status = status;
      res.writeHead(status, {
        ...(status === 204 ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
      this.changed();
    };

    const delay = this.delays.find((x) => x.match(method, path));
    if (delay) {
      this.delays.splice(this.delays.indexOf(delay), 1);
      await new Promise((resolve) => setTimeout(resolve, delay.delayMs));
    }
    const fault = this.faults.find((f) => f.match(method, path));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      send(fault.status, fault.body ?? { message: 'fault', code: 0 }, fault.headers);
      return;
    }

    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && req.headers.authorization !== `Bot ${this.token}`) {
      send(401, { message: '401: Unauthorized', code: 0 });
      return;
    }

    for (const [routeMethod, pattern, handler] of this.routes) {
      const m = pattern.exec(path);
      if (m && (routeMethod === '*' || routeMethod === method)) {
        handler({ method, m, body, url, send });
        return;
      }
    }
    send(404, { message: `fake Discord has no route ${method} ${path}`, code: 0 });
  }

  private readonly routes: [string, RegExp, (c: RouteContext) => void][] = [
    [
      'GET',
      /^\/gateway\/bot$/,
      ({ send }) =>
        send(200, {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        }),
    ],
    [
      'GET',
      /^\/applications\/@me$/,
      ({ send }) => send(200, { id: this.applicationId, name: 'Citebot', flags: 0 }),
    ],
    [
      '*',
      /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
      ({ method, m, body, send }) => {
        const key = m[2] ?? 'global';
        if (method === 'GET') return send(200, this.commands.get(key) ?? []);
        if (method !== 'PUT') return send(405, { message: 'method not allowed', code: 0 });
        const list = (body as Record<string, unknown>[]).map((c) => ({
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          default_member_permissions: null,
          ...(key === 'global' ? {} : { guild_id: key }),
          ...c,
        }));
        this.commands.set(key, list);
        send(200, list);
      },
    ],
    [
      'POST',
      /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      ({ m, body, url, send }) => {
        const { type, data } = body as { type: number; data?: Record<string, unknown> };
        let message: APIMessage | undefined;
        if (type === 4 || type === 5) {
          message = this.botMessage(
            type === 5 ? { content: '', flags: data?.flags } : (data ?? {}),
            this.channelId,
          );
          this.originals.set(m[2] as string, message.id);
        } else if (type === 7) {
          const target = this.findComponentMessage(m[1] as string);
          if (target) message = this.updateMessage(target.id, data ?? {});
        }
        if (url.searchParams.get('with_response') === 'true') {
          send(200, {
            interaction: { id: m[1], type: 2 },
            resource: { type, ...(message ? { message } : {}) },
          });
        } else send(204);
      },
    ],
    [
      '*',
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      ({ method, m, body, send }) => {
        const messageId = m[3] === '@original' ? this.originals.get(m[2] as string) : m[3];
        const existing = messageId ? this.messages.get(messageId) : undefined;
        if (!existing) return send(404, { message: 'Unknown Message', code: 10008 });
        if (method === 'PATCH')
          return send(200, this.updateMessage(existing.id, body as Record<string, unknown>));
        if (method === 'GET') return send(200, existing);
        if (method === 'DELETE') {
          this.messages.delete(existing.id);
          return send(204);
        }
        send(405, { message: 'method not allowed', code: 0 });
      },
    ],
    [
      'POST',
      /^\/webhooks\/(\d+)\/([^/]+)$/,
      ({ body, send }) => send(200, this.botMessage(body as Record<string, unknown>, this.channelId)),
    ],
    [
      'POST',
      /^\/channels\/(\d+)\/messages$/,
      ({ m, body, send }) => send(200, this.botMessage(body as Record<string, unknown>, m[1] as string)),
    ],
    [
      'POST',
      /^\/users\/@me\/channels$/,
      ({ send }) =>
        send(200, {
          id: this.dmChannelId,
          type: ChannelType.DM,
          recipients: [this.human],
          last_message_id: null,
          flags: 0,
        }),
    ],
  ];

  /** Interaction id → the message its component was on. */
  private readonly componentMessages = new Map<string, string>();

  private findComponentMessage(interactionId: string): APIMessage | undefined {
    const id = this.componentMessages.get(interactionId);
    return id ? this.messages.get(id) : undefined;
  }

  /** Clicks a button, remembering which message it was on (so an update edits that message). */
  click(message: APIMessage, customId: string): string {
    const id = this.buttonInteraction(message, customId);
    this.componentMessages.set(id, message.id);
    return id;
  }

  private botMessage(data: Record<string, unknown>, channelId: string): APIMessage {
    const message = {
      ...messageShape(this.botUser, String(data.content ?? ''), channelId),
      embeds: (data.embeds as APIEmbed[] | undefined) ?? [],
      components: (data.components as APIMessage['components']) ?? [],
      flags: Number(data.flags ?? 0),
      application_id: this.applicationId,
    } as APIMessage;
    this.messages.set(message.id, message);
    return message;
  }

  private updateMessage(id: string, data: Record<string, unknown>): APIMessage {
    const existing = this.messages.get(id) as APIMessage;
    const updated = {
      ...existing,
      ...(data.content !== undefined ? { content: String(data.content) } : {}),
      ...(data.embeds !== undefined ? { embeds: data.embeds } : {}),
      ...(data.components !== undefined ? { components: data.components } : {}),
      edited_timestamp: new Date().toISOString(),
    } as APIMessage;
    this.messages.set(id, updated);
    return updated;
  }
}

/** The fields every fake message shares; callers add what differs. */
function messageShape(author: unknown, content: string, channelId: string): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  } as unknown as APIMessage;
}
