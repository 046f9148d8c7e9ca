import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { CommandResult, Excerpt } from '../../src/commands/results.js';
import { escapeToFit, truncate } from '../../src/discord/limits.js';
import {
  footerText,
  pageButtonId,
  queryDigest,
  queryFromFooter,
  readPageButton,
} from '../../src/discord/paging.js';
import { renderReply as renderResult } from '../../src/discord/render.js';
import { messageProblems } from '../support/discordLimits.js';

/** The rendered page alone. */
const renderReply = (...args: Parameters<typeof renderResult>) => renderResult(...args).reply;

/** renderReply's output as the wire body Discord would get. */
function wire(reply: ReturnType<typeof renderReply>) {
  const { allowedMentions, ...rest } = reply;
  return { ...rest, allowed_mentions: allowedMentions };
}

function excerpt(text: string, extra: Partial<Excerpt> = {}): Excerpt {
  return {
    text,
    speaker: null,
    citation: {
      article: 'a',
      title: 'A title',
      paragraph: 1,
      sentence: 1,
      start: 0,
      end: text.length,
      url: null,
    },
    score: 1,
    kind: 'sentence',
    ...extra,
  };
}

const askResult = (results: Excerpt[]): CommandResult => ({
  kind: 'excerpts',
  command: 'ask',
  input: { question: 'q' },
  results,
});

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('One two three four', 12)).toBe('One two…');
  });
  it('prefers a sentence end near the limit', () => {
    expect(truncate('First sentence here. Second one goes on and on', 30)).toBe('First sentence here. …');
  });
  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀😀😀`;
    for (let max = 1; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('escapeToFit', () => {
  it('escapes markdown and still fits', () => {
    const text = '**bold** _it_ `code` # heading > quote [link](http://x) '.repeat(200);
    const out = escapeToFit(text, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContain('\\*\\*bold\\*\\*');
  });
});

describe('renderReply', () => {
  it('renders an embed per excerpt with a numbered citation and no mentions', () => {
    const reply = renderReply(askResult([excerpt('@everyone look <@123> *now*')]), {
      page: 0,
      ephemeral: false,
    });
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.embeds[0]?.description).toBe('@\u200beveryone look <\\@123> \\*now\\*');
    expect(reply.embeds[0]?.fields?.[0]).toEqual({ name: '[1]', value: 'A title · ¶1, sentence 1' });
    expect(messageProblems(wire(reply))).toEqual([]);
  });

  it('links the citation when the article has a url, and shows the speaker and role', () => {
    const e = excerpt('“We will,” he said.', {
      kind: 'statement',
      quote: 'We will,',
      quoteStart: 1,
      quoteEnd: 9,
      speaker: { name: 'John Healy', aliases: [], description: 'British Defense Secretary' },
      citation: {
        article: 'a',
        title: 'A [title]',
        paragraph: 2,
        sentence: 3,
        start: 0,
        end: 19,
        url: 'https://news.test/a',
      },
    });
    const reply = renderReply(askResult([e]), { page: 0, ephemeral: false });
    expect(reply.embeds[0]?.author?.name).toBe('John Healy · British Defense Secretary');
    expect(reply.embeds[0]?.description).toBe('“**We will,**” he said.');
    expect(reply.embeds[0]?.fields?.[0]?.value).toBe('[A \\[title\\]](https://news.test/a) · ¶2, sentence 3');
  });

  it('pages long results with More and Back buttons whose state survives in the footer', () => {
    const results = Array.from({ length: 12 }, (_, i) => excerpt(`Sentence number ${i + 1}.`));
    const query = { command: 'ask', options: { question: 'q' } };
    const first = renderReply(askResult(results), { page: 0, ephemeral: false, query });
    expect(first.embeds).toHaveLength(5);
    expect(first.embeds[4]?.footer?.text).toBe('Query: /ask question:q · page 1 of 3');
    expect(renderResult(askResult(results), { page: 0, ephemeral: false, query }).pages).toBe(3);
    const buttons = first.components[0]?.components ?? [];
    expect(buttons.map((b) => [(b as { label?: string }).label, b.disabled])).toEqual([
      ['Back', true],
      ['More', false],
    ]);
    const more = readPageButton((buttons[1] as { custom_id: string }).custom_id);
    expect(more).toEqual({ page: 1, digest: queryDigest(query) });
    const last = renderReply(askResult(results), { page: 2, ephemeral: false, query });
    expect(last.embeds).toHaveLength(2);
    expect(last.embeds[0]?.fields?.[0]?.name).toBe('[11]');
  });

  it('keeps every limit with huge excerpts, many results and long titles', () => {
    const huge = `${'word '.repeat(3000)}😀`;
    const results = Array.from({ length: 10 }, () =>
      excerpt(huge, {
        speaker: { name: 'N'.repeat(300), aliases: [], description: 'D'.repeat(300) },
        citation: {
          article: 'a'.repeat(300),
          title: 'T'.repeat(2000),
          paragraph: 1,
          sentence: 1,
          start: 0,
          end: 1,
          url: null,
        },
      }),
    );
    for (const command of ['ask', 'summary'] as const) {
      const reply = renderReply(
        { kind: 'excerpts', command, input: { question: 'x'.repeat(500) }, results },
        { page: 0, ephemeral: false, query: { command, options: { question: 'x'.repeat(500) } } },
      );
      expect(messageProblems(wire(reply))).toEqual([]);
    }
  });

  it('makes errors short and ephemeral', () => {
    const reply = renderReply(
      {
        kind: 'failed',
        command: 'ask',
        input: {},
        results: [],
        error: { code: 'bad-input', message: 'ask needs a question' },
      },
      { page: 0, ephemeral: false },
    );
    expect(reply.content).toBe('⚠️ ask needs a question');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    const typed = renderReply(
      {
        kind: 'failed',
        command: 'summary',
        input: {},
        results: [],
        error: { code: 'not-found', message: 'no article "**x** @everyone" (see sources for the list)' },
      },
      { page: 0, ephemeral: false },
    );
    expect(typed.content).toBe('⚠️ no article "\\*\\*x\\*\\* @\u200beveryone" (see sources for the list)');
  });

  it('says so when nothing matched, escaping the user’s words', () => {
    const reply = renderReply(
      { kind: 'excerpts', command: 'ask', input: { question: '*who* won?' }, results: [] },
      { page: 0, ephemeral: true },
    );
    expect(reply.content).toBe('Nothing in these articles answers “\\*who\\* won?”.');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it('lists sources and help within limits', () => {
    const sources = renderReply(
      {
        kind: 'sources',
        command: 'sources',
        input: {},
        results: Array.from({ length: 30 }, (_, i) => ({
          article: `id-${i}`,
          title: `Title ${i} *x*`,
          source: 'CNN',
          published: '2025-01-01',
          url: null,
          sentences: 3,
          statements: 1,
          library: 'shared' as const,
        })),
      },
      { page: 0, ephemeral: false, query: { command: 'sources', options: {} } },
    );
    expect(sources.embeds[0]?.description).toContain('1. **Title 0 \\*x\\***');
    expect(sources.components).toHaveLength(1);
    expect(messageProblems(wire(sources))).toEqual([]);
  });
});

describe('paging state', () => {
  it('round-trips a query through the footer', () => {
    const query = { command: 'summary', options: { article: 'cnn-1', sentences: 3, focus: 'NATO aid' } };
    const parsed = queryFromFooter(footerText(query, 1, 4));
    expect(parsed).not.toBeNull();
    expect(queryDigest(parsed!)).toBe(queryDigest(query));
  });

  it('writes values as they would be typed: numbers bare, text with spaces quoted', () => {
    const query = { command: 'summary', options: { sentences: 3, focus: 'NATO aid', article: 'cnn-1' } };
    expect(footerText(query, 0, 1)).toBe('Query: /summary article:cnn-1 focus:"NATO aid" sentences:3');
  });

  it('ignores how the answer is shown (private, limit) in the digest', () => {
    expect(queryDigest({ command: 'ask', options: { question: 'q', private: true, limit: 25 } })).toBe(
      queryDigest({ command: 'ask', options: { question: 'q' } }),
    );
  });

  it('rejects footers and ids that are not ours', () => {
    expect(queryFromFooter('something else')).toBeNull();
    expect(queryFromFooter('Query: /frobnicate x')).toBeNull();
    expect(readPageButton('other:1:abc')).toBeNull();
    expect(readPageButton(`${pageButtonId(2, 'abcdefghijkl')}:m`)).toEqual({
      page: 2,
      digest: 'abcdefghijkl',
    });
  });
});

describe('help', () => {
  it('derives every usage line from the command table, with no trailing space', async () => {
    const { help } = await import('../../src/commands/help.js');
    const answer = help.run(undefined as never, {});
    const reply = renderReply(
      { kind: 'help', command: 'help', input: {}, ...answer },
      { page: 0, ephemeral: false },
    );
    const names = reply.embeds[0]?.fields?.map((f) => f.name) ?? [];
    expect(names).toContain('/who-said <topic> [article:ID]');
    expect(names).toContain('/summary [article:ID] [sentences:N] [focus:TOPIC]');
    for (const name of names) expect(name).toBe(name.trim());
  });
});
