/** The CLI's `--json` shape (README: "Command-line interface"). */
import type { CommandResult, Excerpt } from '../commands/results.js';

/** A result as the plain object the contract specifies. */
export function toJson(result: CommandResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    command: result.command,
    input: result.input,
    results: result.results.map((r) => ('citation' in r ? excerptJson(r) : r)),
  };
  if (result.notice !== undefined) out.notice = result.notice;
  if (result.error !== undefined) out.error = result.error;
  return out;
}

function excerptJson(e: Excerpt): Record<string, unknown> {
  const out: Record<string, unknown> = { text: e.text };
  if (e.kind === 'statement') {
    out.quote = e.quote;
    out.quoteStart = e.quoteStart;
    out.quoteEnd = e.quoteEnd;
  }
  out.speaker = e.speaker;
  out.citation = e.citation;
  out.score = Math.round(e.score * 1000) / 1000;
  if (e.kind === 'caption') out.caption = true;
  if (e.diff !== undefined) out.diff = e.diff;
  return out;
}
