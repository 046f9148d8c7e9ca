/**
 * One run of each read command before the bot says it is ready. What is built on first use (the
 * place-name table, lazily loaded modules, the engine's compiled hot paths) is then paid at
 * start, not by the first users of a burst (500-interaction bursts on fresh bots, p99 first
 * response: 777 / 733 / 653 ms without it, 630 / 549 / 570 ms with it). discord.js's own reply
 * path still warms on the first real replies.
 *
 * @example
 * const { commands, failed } = warmUp(library); // 6 commands, 0 failed
 */
import type { Library } from '../library/library.js';
import { answer } from './answer.js';

/** Words of a statement to ask about; short enough for every command's option limits. */
const TOPIC_WORDS = 4;

/** Within find-source's option limit. */
const PASSAGE_CHARS = 1000;

export interface WarmUpResult {
  /** How many commands were run. */
  commands: number;
  /** How many of them failed (an internal error, logged by nobody: the caller decides). */
  failed: number;
  ms: number;
}

/** Runs who-said, quotes, ask, summary, sources and find-source once on `library`; never throws. */
export function warmUp(library: Library): WarmUpResult {
  const started = performance.now();
  const { topic, speaker, passage } = samples(library);
  const requests: [string, Record<string, unknown>][] = [
    ['who-said', { topic }],
    ['quotes', { speaker }],
    ['ask', { question: `Who said ${topic}?` }],
    ['summary', {}],
    ['sources', {}],
    ['find-source', { text: passage.slice(0, PASSAGE_CHARS) }],
  ];
  let failed = 0;
  for (const [command, options] of requests) {
    try {
      if (answer(library, { command, options, page: 0, ephemeral: false }).failed) failed++;
    } catch {
      failed++;
    }
  }
  return { commands: requests.length, failed, ms: Math.round(performance.now() - started) };
}

/** Options taken from the library itself, so each command does its full work (not an empty answer). */
function samples(library: Library): { topic: string; speaker: string; passage: string } {
  const statement = library.statements.find((s) => s.speaker !== null) ?? library.statements[0];
  if (!statement) {
    const text = library.sentences[0]?.text ?? 'news';
    return { topic: firstWords(text), speaker: 'news', passage: text };
  }
  const text = library.article(statement.article).text;
  const quote = text.slice(statement.quoteStart, statement.quoteEnd);
  const entity = statement.speaker === null ? undefined : library.speakers[statement.speaker];
  // A speaker option is at most 100 characters.
  const speaker = (entity?.name ?? statement.mention).slice(0, 100);
  return { topic: firstWords(quote), speaker, passage: quote };
}

function firstWords(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, TOPIC_WORDS).join(' ') || 'news';
}
