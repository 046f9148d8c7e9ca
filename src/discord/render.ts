/**
 * Turns command results into Discord messages: an embed per excerpt (speaker and role, the
 * excerpt with the quote in bold, a numbered citation with a link when there is one), a footer
 * with the query, and More / Back buttons. Every limit holds; article text is markdown-escaped;
 * no message can mention anyone.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { commandSpec } from '../commands/definitions.js';
import { emptyMessage } from '../commands/empty.js';
import type { CommandResult, Excerpt, HelpEntry, SourceEntry } from '../commands/results.js';
import { citationPlace, speakerLabel } from '../render/citation.js';
import { defuseMentions, embedTextLength, escapeText, escapeToFit, LIMITS, truncate } from './limits.js';
import { safeLink } from './links.js';
import { footerText, type PagedQuery, pageButtonId, queryDigest } from './paging.js';

/** A reply, edit or DM body in the shape discord.js takes. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
}

const COLOURS = {
  statement: 0x2b6cb0,
  sentence: 0x4a5568,
  caption: 0x718096,
  error: 0xc53030,
  info: 0x2f855a,
};
/** Room kept for the footer and separators when sharing out the 6000-character budget. */
const FOOTER_RESERVE = 400;

export interface RenderView {
  /** 0-based page to show. */
  page: number;
  ephemeral: boolean;
  /** The query behind the result, for the footer and page buttons; omitted for help. */
  query?: PagedQuery;
}

/** A rendered page and how many pages the result has (1 when it does not page). */
export interface Rendered {
  reply: DiscordReply;
  pages: number;
}

/** Renders a result page. `result.results` holds every result (paging slices them). */
export function renderReply(result: CommandResult, view: RenderView): Rendered {
  const { reply, pages } = render(result, view);
  return { reply: defused(reply), pages };
}

/** Every text of a reply with mentions defused (the last lock, whatever produced the text). */
function defused(reply: DiscordReply): DiscordReply {
  const fix = (text: string | undefined) => (text === undefined ? undefined : defuseMentions(text));
  return {
    ...reply,
    ...(reply.content !== undefined ? { content: fix(reply.content) as string } : {}),
    embeds: reply.embeds.map((e) => ({
      ...e,
      ...(e.title !== undefined ? { title: fix(e.title) as string } : {}),
      ...(e.description !== undefined ? { description: fix(e.description) as string } : {}),
      ...(e.author ? { author: { ...e.author, name: fix(e.author.name) as string } } : {}),
      ...(e.footer ? { footer: { ...e.footer, text: fix(e.footer.text) as string } } : {}),
      ...(e.fields
        ? {
            fields: e.fields.map((f) => ({
              ...f,
              name: fix(f.name) as string,
              value: fix(f.value) as string,
            })),
          }
        : {}),
    })),
  };
}

function render(result: CommandResult, view: RenderView): Rendered {
  const base: DiscordReply = {
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
    ...(view.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
  if (result.kind === 'failed') {
    return {
      reply: {
        ...base,
        // Error messages quote what the user typed: escaped like article text.
        content: `⚠️ ${escapeToFit(result.error.message, LIMITS.content - 3)}`,
        flags: MessageFlags.Ephemeral,
      },
      pages: 1,
    };
  }
  const notice = result.notice ? escapeToFit(result.notice, LIMITS.content) : undefined;
  const pageSize = commandSpec(result.command)?.pageSize ?? LIMITS.embeds;
  switch (result.kind) {
    case 'help':
      return { reply: { ...base, embeds: [helpEmbed(result.results, result.notice)] }, pages: 1 };
    case 'sources':
      return withPages(
        base,
        result.results,
        pageSize,
        view,
        (items, first) => [sourcesEmbed(items, first)],
        notice,
      );
    case 'excerpts': {
      if (result.results.length === 0) {
        const text = [notice, escapeText(emptyMessage(result.command, result.input))]
          .filter(Boolean)
          .join('\n');
        return { reply: { ...base, content: truncate(text, LIMITS.content) }, pages: 1 };
      }
      return withPages(base, result.results, pageSize, view, excerptEmbeds, notice);
    }
  }
}

/** Slices one page, renders it, adds the footer and the buttons. */
function withPages<T>(
  base: DiscordReply,
  items: T[],
  size: number,
  view: RenderView,
  render: (items: T[], firstNumber: number) => APIEmbed[],
  notice: string | undefined,
): Rendered {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const embeds = render(items.slice(page * size, page * size + size), page * size + 1).slice(
    0,
    LIMITS.embeds,
  );
  const last = embeds[embeds.length - 1];
  if (last && view.query)
    last.footer = { text: truncate(footerText(view.query, page, pages), LIMITS.footer) };
  fitTotal(embeds);
  const components: DiscordReply['components'] = [];
  if (pages > 1 && view.query) {
    const digest = queryDigest(view.query);
    components.push({
      type: ComponentType.ActionRow,
      components: [
        pageButton('Back', page - 1, digest, page === 0),
        pageButton('More', page + 1, digest, page >= pages - 1),
      ],
    });
  }
  return { reply: { ...base, ...(notice ? { content: notice } : {}), embeds, components }, pages };
}

function pageButton(label: string, page: number, digest: string, disabled: boolean): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    // Two buttons may not share a custom id, even disabled.
    custom_id: pageButtonId(Math.max(0, page), digest) + (label === 'Back' ? ':b' : ':m'),
    disabled,
  };
}

function excerptEmbeds(items: Excerpt[], firstNumber: number): APIEmbed[] {
  const budget = Math.floor((LIMITS.embedTotal - FOOTER_RESERVE) / Math.max(1, items.length));
  return items.map((e, i) => excerptEmbed(e, firstNumber + i, budget));
}

function excerptEmbed(e: Excerpt, n: number, budget: number): APIEmbed {
  const embed: APIEmbed = { color: COLOURS[e.kind] };
  let used = 0;
  const who = speakerLabel(e, ' · ');
  if (who) {
    embed.author = { name: truncate(who, LIMITS.author) };
    used += embed.author.name.length;
  }
  const source = citationField(e, n);
  used += source.name.length + source.value.length;
  const fields = [source];
  if (e.diff?.some((d) => d.op !== 'same')) {
    const value = diffMarkdown(e, Math.min(LIMITS.fieldValue, 600));
    fields.unshift({ name: 'How the wording differs', value });
    used += value.length + 23;
  }
  embed.description = describeExcerpt(e, Math.max(100, Math.min(LIMITS.description, budget - used)));
  embed.fields = fields;
  const link = safeLink(e.citation.url, 2000);
  if (link) embed.url = link;
  return embed;
}

/** The word diff in markdown: ~~the original's words~~ and **the retold words**, escaped, cut to fit. */
function diffMarkdown(e: Excerpt, max: number): string {
  const legend = '~~original~~ **as retold**\n';
  let out = legend;
  for (const part of e.diff ?? []) {
    const text = escapeText(part.text);
    const piece = part.op === 'same' ? text : part.op === 'removed' ? `~~${text}~~` : `**${text}**`;
    if (out.length + piece.length + 2 > max) {
      out += ' …';
      break;
    }
    out += `${out === legend ? '' : ' '}${piece}`;
  }
  return out;
}

/** The excerpt, escaped, with the attributed quote in bold when it fits. */
function describeExcerpt(e: Excerpt, max: number): string {
  const prefix = e.kind === 'caption' ? '📷 ' : '';
  if (e.quoteStart !== undefined && e.quoteEnd !== undefined) {
    const from = e.quoteStart - e.citation.start;
    const to = e.quoteEnd - e.citation.start;
    if (from >= 0 && to <= e.text.length && to > from) {
      const bolded = `${prefix}${escapeText(e.text.slice(0, from))}**${escapeText(e.text.slice(from, to))}**${escapeText(e.text.slice(to))}`;
      if (bolded.length <= max) return bolded;
    }
  }
  return prefix + escapeToFit(e.text, max - prefix.length);
}

function citationField(e: Excerpt, n: number): { name: string; value: string } {
  const title = escapeToFit(e.citation.title, 300);
  const link = safeLink(e.citation.url);
  const linked = link ? `[${title}](${link})` : title;
  return { name: `[${n}]`, value: truncate(`${linked} · ${citationPlace(e)}`, LIMITS.fieldValue) };
}

function sourcesEmbed(items: SourceEntry[], firstNumber: number): APIEmbed {
  const lines = items.map((s, i) => {
    const meta = [s.source, s.published].filter(Boolean).map((v) => escapeText(String(v)));
    const title = escapeToFit(s.title, 200);
    const link = safeLink(s.url, 300);
    const linked = link ? `[${title}](${link})` : `**${title}**`;
    return `${firstNumber + i}. ${linked}${meta.length ? ` (${meta.join(', ')})` : ''}\n   \`${truncate(s.article, 100).replace(/`/g, "'")}\` · ${s.sentences} sentences · ${s.statements} statements${s.library !== 'shared' ? ` · ${s.library} library` : ''}`;
  });
  return {
    title: 'Sources',
    color: COLOURS.info,
    description: truncate(lines.join('\n'), LIMITS.description),
  };
}

function helpEmbed(entries: HelpEntry[], notice: string | undefined): APIEmbed {
  return {
    title: 'Citebot',
    color: COLOURS.info,
    description: [
      notice ?? '',
      'In a DM you can also write plain words: `who said …`, `quotes by …`, `summary of …`, `sources`, `help`; anything else is a question.',
      'Right-click a message → Apps → **Find source** to trace a quote back to its article.',
    ]
      .filter(Boolean)
      .join('\n\n'),
    fields: entries
      // Only slash commands: find-source is the message menu here, explained above.
      .filter((e) => commandSpec(e.command)?.slash)
      .slice(0, LIMITS.fields)
      .map((e) => ({
        name: truncate(`/${e.usage}`, LIMITS.fieldName),
        value: truncate(e.description, LIMITS.fieldValue),
      })),
  };
}

/**
 * Shrinks the longest texts (descriptions, field values, author names) until all embeds together
 * fit the 6000-character limit.
 */
function fitTotal(embeds: APIEmbed[]): void {
  let total = embeds.reduce((n, e) => n + embedTextLength(e), 0);
  while (total > LIMITS.embedTotal) {
    const parts: { length: number; set: (max: number) => number }[] = [];
    for (const embed of embeds) {
      if (embed.description) {
        parts.push({
          length: embed.description.length,
          set: (max) => shrink(embed.description ?? '', max, (v) => (embed.description = v)),
        });
      }
      if (embed.author) {
        const author = embed.author;
        parts.push({
          length: author.name.length,
          set: (max) => shrink(author.name, max, (v) => (author.name = v)),
        });
      }
      for (const field of embed.fields ?? []) {
        parts.push({
          length: field.value.length,
          set: (max) => shrink(field.value, max, (v) => (field.value = v)),
        });
      }
    }
    const longest = parts.sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length <= 1) return;
    total -= longest.set(
      Math.max(1, Math.min(longest.length - (total - LIMITS.embedTotal), Math.ceil(longest.length / 2))),
    );
  }
}

/** Truncates `text` to `max`, stores it with `store`, and returns how much shorter it got. */
function shrink(text: string, max: number, store: (value: string) => void): number {
  const shorter = truncate(text, max);
  store(shorter);
  return text.length - shorter.length;
}
