/**
 * The first reply to a gateway interaction, posted straight to its callback endpoint through a
 * keep-alive pool. discord.js's `reply()` builds a message payload and goes through its REST
 * queue; under a burst of 500 interactions that cost more than building the answers did, and a
 * reply body here is already in the API's form (render.ts). Callbacks authenticate with the
 * interaction's token, not the bot's, and have no per-route limit to queue for.
 *
 * @example
 * const callbacks = new CallbackSender('https://discord.com/api', new Agent({ connections: 16 }));
 * await callbacks.reply(interaction, note('Hello'));
 */
import { DiscordAPIError, InteractionResponseType } from 'discord.js';
import { type Dispatcher, request } from 'undici';
import { apiBody, type ReplyLike } from './respond.js';

/** What a reply needs of an interaction; `replied` is set once Discord has taken the reply. */
export interface CallbackTarget {
  id: string;
  token: string;
  replied: boolean;
}

/** Discord asks every API client to name itself so. */
const USER_AGENT = 'DiscordBot (https://github.com/citebot, 0.1.0)';

/** The longest wait honoured when Discord asks to retry (its deadline for a reply is 3 s). */
const MAX_RETRY_WAIT_MS = 1000;

export class CallbackSender {
  constructor(
    private readonly api: string,
    private readonly dispatcher: Dispatcher,
    private readonly version = '10',
  ) {}

  /**
   * Sends `reply` as the interaction's first response. Throws a `DiscordAPIError` (with Discord's
   * code, e.g. 10062 for an interaction that expired) when Discord refuses it, as discord.js would;
   * a 429 is retried once after the wait Discord names, if that fits in the deadline.
   */
  async reply(interaction: CallbackTarget, reply: ReplyLike): Promise<void> {
    const url = `${this.api}/v${this.version}/interactions/${interaction.id}/${interaction.token}/callback`;
    const body = { type: InteractionResponseType.ChannelMessageWithSource, data: apiBody(reply, true) };
    const json = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      const response = await request(url, {
        method: 'POST',
        body: json,
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
        dispatcher: this.dispatcher,
      });
      if (response.statusCode < 300) {
        await response.body.dump();
        interaction.replied = true;
        return;
      }
      const data = parseError(await response.body.text(), response.statusCode);
      const wait = retryWait(data);
      if (response.statusCode === 429 && attempt === 0 && wait !== null && wait <= MAX_RETRY_WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      throw new DiscordAPIError(data, data.code, response.statusCode, 'POST', url, { body });
    }
  }
}

/** Discord's JSON error, or one made from the status when the body is not that. */
function parseError(text: string, status: number): { code: number; message: string; retry_after?: number } {
  try {
    const data = JSON.parse(text) as { code?: unknown; message?: unknown; retry_after?: unknown };
    return {
      code: typeof data.code === 'number' ? data.code : status,
      message: typeof data.message === 'string' ? data.message : `HTTP ${status}`,
      ...(typeof data.retry_after === 'number' ? { retry_after: data.retry_after } : {}),
    };
  } catch {
    return { code: status, message: `HTTP ${status}` };
  }
}

/** The wait a 429 asks for, in ms (`retry_after` is in seconds). */
function retryWait(data: { retry_after?: number }): number | null {
  return data.retry_after === undefined ? null : Math.max(0, Math.ceil(data.retry_after * 1000));
}
