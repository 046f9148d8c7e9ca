/**
 * Discord's message limits (a request over any is rejected with 400) and text fitting that never
 * breaks a limit, a word, or a surrogate pair.
 */
import { wellFormed } from '../commands/validate.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All embed text in one message together. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` characters (UTF-16 units), ending in "…": at a sentence end if
 * one is near the limit, else at a word boundary, never inside a surrogate pair.
 *
 * @example
 * truncate('One two three four', 12) // 'One two…'
 */
export function truncate(input: string, max: number): string {
  const text = wellFormed(input);
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const head = text.slice(0, cut);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd >= cut * 0.6) return `${head.slice(0, sentenceEnd + 1)} ${ELLIPSIS}`.slice(0, max);
  const space = head.search(/\s\S*$/);
  const base = space >= cut * 0.5 ? head.slice(0, space) : head;
  return `${dropTrailingHalf(base).trimEnd()}${ELLIPSIS}`;
}

/** Markdown-escaped article text that fits in `max` characters after escaping. */
export function escapeToFit(text: string, max: number): string {
  // Escaping only adds characters, so start from text that fits unescaped.
  let raw = truncate(text, max);
  for (;;) {
    const escaped = escapeText(raw);
    if (escaped.length <= max) return escaped;
    // Escaping adds characters; shrink the raw text in proportion and try again.
    const target = Math.max(0, Math.min(raw.length - 1, Math.floor((raw.length * max) / escaped.length) - 1));
    const next = truncate(text, target);
    if (next.length >= raw.length) return truncate(escaped, max).replace(/\\+…$/, '…');
    raw = next;
  }
}

/**
 * Escapes Discord markdown so article text shows as written (emphasis, code, spoilers, headings,
 * lists, quotes and masked links), and defuses mentions (see {@link defuseMentions}). Linear in
 * the text's length (discord.js's escapeMarkdown backtracks badly on long runs); web addresses are
 * left as they are so that they stay links.
 *
 * @example
 * escapeText('**bold** # not a heading') // '\\*\\*bold\\*\\* # not a heading'
 */
export function escapeText(text: string): string {
  // Most sentences hold nothing to escape; one scan says so (a reply escapes some twenty texts).
  if (!MAY_NEED_ESCAPING.test(text)) return wellFormed(text);
  const escaped = wellFormed(text)
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/[\\*_~`|[\]]/g, '\\$&')
            .replace(/^(\s*)(#{1,3}\s|-\s|\+\s|>)/gm, '$1\\$2')
            .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2'),
    )
    .join('');
  return defuseMentions(escaped);
}

/** Any character, link or line start that {@link escapeText} or {@link defuseMentions} rewrites (a link splits the text, so what follows it starts a part). */
const MAY_NEED_ESCAPING = /[\\*_~`|[\]@<]|https?:\/\/|^\s*(?:#|-\s|\+\s|>|\d+\.\s)/m;

/** "@everyone" → "@\u200beveryone", "<@123>" → "<\\@123>": shown as written, never a mention. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\\$1$2>');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Removes a lone high surrogate at the end (half of an emoji). */
function dropTrailingHalf(text: string): string {
  return text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(0, -1) : text;
}

/** Total embed text as Discord counts it toward the 6000 limit. */
export function embedTextLength(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
