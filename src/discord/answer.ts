/**
 * From a Discord request to a rendered reply: runs the command with enough results for paging and
 * renders the page asked for. Shared by slash commands, the message menu, buttons and DMs.
 */
import { commandSpec } from '../commands/definitions.js';
import { type InternalErrorHook, runCommand } from '../commands/index.js';
import type { Library } from '../library.js';
import type { PagedQuery } from './paging.js';
import { type DiscordReply, renderReply } from './render.js';

/** How many ranked results a reply can page through. */
export const MAX_PAGED_RESULTS = 25;

export interface AnswerRequest {
  command: string;
  options: Record<string, unknown>;
  page: number;
  ephemeral: boolean;
}

export interface Answered {
  reply: DiscordReply;
  query: PagedQuery;
  failed: boolean;
}

export function answer(
  library: Library,
  request: AnswerRequest,
  onInternalError?: InternalErrorHook,
): Answered {
  const spec = commandSpec(request.command);
  const options = { ...request.options };
  if (spec?.options.some((o) => o.name === 'limit') && request.command !== 'quotes')
    options.limit = MAX_PAGED_RESULTS;
  const result = runCommand(library, request.command, options, 'any', onInternalError);
  const query: PagedQuery = {
    command: result.command ?? request.command,
    options: (result.error ? {} : result.input) as PagedQuery['options'],
  };
  return {
    reply: renderReply(result, { page: request.page, ephemeral: request.ephemeral, query }),
    query,
    failed: result.error !== undefined,
  };
}
