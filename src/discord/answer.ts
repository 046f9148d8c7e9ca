/**
 * From a Discord request to a rendered reply: runs the command with enough results for paging and
 * renders the page asked for. Shared by slash commands, the message menu, buttons and DMs.
 */
import { commandSpec } from '../commands/definitions.js';
import { type InternalErrorHook, runCommand } from '../commands/index.js';
import type { Library } from '../library/library.js';
import type { PagedQuery } from './paging.js';
import { type DiscordReply, renderReply } from './render.js';

export interface AnswerRequest {
  command: string;
  options: Record<string, unknown>;
  page: number;
  ephemeral: boolean;
}

export interface Answered {
  reply: DiscordReply;
  /** How many pages the whole answer has. */
  pages: number;
  query: PagedQuery;
  failed: boolean;
}

export function answer(
  library: Library,
  request: AnswerRequest,
  onInternalError?: InternalErrorHook,
): Answered {
  // A ranked command fetches as many results as a reply pages through (its spec says how many).
  const paged = commandSpec(request.command)?.limit?.paged;
  const options = paged === undefined ? request.options : { ...request.options, limit: paged };
  const result = runCommand(library, request.command, options, 'any', onInternalError);
  const query: PagedQuery = {
    command: result.command ?? request.command,
    options: (result.kind === 'failed' ? {} : result.input) as PagedQuery['options'],
  };
  const { reply, pages } = renderReply(result, { page: request.page, ephemeral: request.ephemeral, query });
  return { reply, pages, query, failed: result.kind === 'failed' };
}
