/**
 * Property-based tests: whatever a user types or an article contains, handlers never throw,
 * replies never break a Discord limit or mention anyone, and --json output is always valid JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/commands/definitions.js';
import { CommandError } from '../../src/commands/errors.js';
import { runCommand } from '../../src/commands/index.js';
import { parsePlainRequest, parseSlashLine } from '../../src/commands/parseText.js';
import type { CommandResult, Excerpt } from '../../src/commands/results.js';
import { answer } from '../../src/discord/answer.js';
import { renderReply as renderResult } from '../../src/discord/render.js';
import { parseArticle } from '../../src/ingest/parse.js';

const renderReply = (...args: Parameters<typeof renderResult>) => renderResult(...args).reply;

import { assembleLibrary, ingestArticle } from '../../src/library/library.js';
import { toJson } from '../../src/render/json.js';
import { toText } from '../../src/render/text.js';
import { messageProblems } from '../support/discordLimits.js';
import { bundledLibrary } from '../support/library.js';

/** Text that is hard to handle: emoji, zero-width and bidi marks, lone surrogates, regex and markdown
 * syntax, mentions, very long runs. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '@everyone',
    '@here look',
    '<@123456789012345678>',
    '<@&123456789012345678> and <#123456789012345678>',
    '\u200b\u200e\u202e\u2066',
    '\ud800',
    '\udfff lone',
    '😀'.repeat(50),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: regular-expression metacharacters, on purpose
    '.*+?^${}()|[]\\',
    '(?<=a)b\\1',
    '**bold** __u__ ~~s~~ ||spoiler|| `code` ```block```',
    '# heading\n- list\n> quote',
    '[link](https://example.com)',
    'Hegseth said "NATO" “unclosed',
    'x'.repeat(10_000),
    'word '.repeat(2_000),
  ),
  fc
    .array(fc.constantFrom('NATO', '@everyone', '😀', '\u202e', 'Hegseth', '"', '“', '*', '\ud83d', 'said'), {
      maxLength: 40,
    })
    .map((xs) => xs.join(' ')),
);

const OPTION_NAMES = [...new Set(COMMANDS.flatMap((c) => c.options.map((o) => o.name)))];

/** The wire form of a rendered reply. */
const wire = (reply: ReturnType<typeof renderReply>) => {
  const { allowedMentions, ...rest } = reply;
  return { ...rest, allowed_mentions: allowedMentions };
};

/**
 * Keys in camelCase anywhere in `value`. The client sends embeds and components as they are
 * (src/discord/bot.ts, no snake-case transform), so they must already be in the API's form.
 */
function camelCaseKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(camelCaseKeys);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(/[a-z][A-Z]/.test(k) ? [k] : []),
    ...camelCaseKeys(v),
  ]);
}

function noLiveMentions(body: unknown): void {
  const text = JSON.stringify(body);
  // @everyone / @here must be broken up, and user, role and channel mentions escaped.
  expect(text).not.toMatch(/(?<!\u200b)@(?:everyone|here)/);
  expect(text).not.toMatch(/(?<!\\\\)<@[!&]?\d+>/);
}

describe('properties', async () => {
  const library = await bundledLibrary();

  it('runs every command with any options without throwing, and renders within limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMANDS.map((c) => c.name), 'nope'),
        fc.dictionary(
          fc.constantFrom(...OPTION_NAMES, 'bogus'),
          fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null)),
        ),
        fc.nat(3),
        (command, options, page) => {
          const result = runCommand(library, command, options, 'any');
          expect(result.results).toBeInstanceOf(Array);
          if (result.error) expect(['bad-input', 'not-found']).toContain(result.error.code);
          const reply = renderReply(result, { page, ephemeral: false, query: { command, options: {} } });
          expect(messageProblems(wire(reply))).toEqual([]);
          expect(camelCaseKeys([reply.embeds, reply.components])).toEqual([]);
          noLiveMentions(reply);
          expect(() => JSON.parse(JSON.stringify(toJson(result)))).not.toThrow();
          expect(typeof toText(result)).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers any Discord request (commands, DMs) within limits and without mentions', () => {
    fc.assert(
      fc.property(nasty, fc.boolean(), (text, ephemeral) => {
        for (const request of [
          parsePlainRequest(text),
          { command: 'who-said', options: { topic: text } },
          { command: 'find-source', options: { text } },
        ]) {
          const { reply } = answer(library, { ...request, page: 0, ephemeral });
          expect(messageProblems(wire(reply))).toEqual([]);
          noLiveMentions(reply);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('renders any excerpt text (as an article could contain it) within limits', () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 12 }), nasty, (texts, title) => {
        const results: Excerpt[] = texts.map((text, i) => ({
          text,
          quote: text.slice(0, 10),
          quoteStart: 0,
          quoteEnd: Math.min(10, text.length),
          speaker: { name: title, aliases: [title], description: title },
          citation: {
            article: title,
            title,
            paragraph: i + 1,
            sentence: 1,
            start: 0,
            end: text.length,
            url: title,
          },
          score: 1,
          kind: 'statement',
          diff: [
            { op: 'removed', text },
            { op: 'added', text: title },
          ],
        }));
        for (const command of ['who-said', 'summary', 'find-source'] as const) {
          const result: CommandResult = {
            kind: 'excerpts',
            command,
            input: { topic: title },
            results,
            notice: title,
          };
          const reply = renderReply(result, {
            page: 0,
            ephemeral: false,
            query: { command, options: { topic: title } },
          });
          expect(messageProblems(wire(reply))).toEqual([]);
          noLiveMentions(reply);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('loads any article text without throwing, with exact offsets', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 6 }), (paragraphs) => {
        const text = paragraphs.join('\n');
        try {
          const parsed = parseArticle('p', 'p.md', text, 0);
          for (const s of parsed.article.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
          const lib = assembleLibrary('/tmp', [ingestArticle(parsed)], []);
          for (const c of ['who-said', 'quotes', 'summary', 'ask'])
            runCommand(lib, c, { topic: 'x', question: 'x' }, 'any');
        } catch (error) {
          // The only acceptable failure is a reasoned rejection of the file.
          expect((error as Error).constructor.name).toBe('ArticleError');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parses any command line into a request or a bad-input error', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            nasty,
            fc.constantFrom('--json', '--data', '--limit', '--article', 'ask', 'who-said', '--'),
          ),
          { maxLength: 8 },
        ),
        (argv) => {
          try {
            const request = parseCli(argv);
            expect(typeof request.json).toBe('boolean');
          } catch (error) {
            expect(error).toBeInstanceOf(CommandError);
            expect((error as CommandError).code).toBe('bad-input');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses any console line', () => {
    fc.assert(
      fc.property(nasty, (line) => {
        expect(() => parseSlashLine(`/${line}`)).not.toThrow();
        expect(() => parsePlainRequest(line)).not.toThrow();
      }),
    );
  });
});
