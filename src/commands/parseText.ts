/**
 * Turns typed text into a command request: console lines in slash form (`/summary sentences:3`)
 * and plain-word requests as people write them in DMs (`who said …`, `quotes by …`).
 */
import { commandSpec } from './definitions.js';

export interface TextRequest {
  command: string;
  options: Record<string, unknown>;
  /** Text the command has no place for (a bare argument to a command without one). */
  stray?: string;
}

/**
 * Parses `/command [positional text] [name:value …]`. Values may be quoted; an option name is only
 * recognised when it is one of that command's options.
 *
 * @example
 * parseSlashLine('/summary sentences:3 focus:"NATO aid"')
 * // { command: 'summary', options: { sentences: '3', focus: 'NATO aid' } }
 */
export function parseSlashLine(line: string): TextRequest {
  const trimmed = line.trim().replace(/^\//, '');
  const [, rawName = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(trimmed) ?? [];
  const command = rawName.toLowerCase();
  const spec = commandSpec(command);
  const options: Record<string, unknown> = {};
  if (!spec) return { command, options };
  const names = spec.options.map((o) => o.name).join('|');
  const marker = new RegExp(`(^|\\s)(${names}):`, 'gi');
  const marks = [...rest.matchAll(marker)];
  const positional = (marks.length > 0 ? rest.slice(0, marks[0]?.index) : rest).trim();
  marks.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = i + 1 < marks.length ? (marks[i + 1]?.index ?? rest.length) : rest.length;
    options[(m[2] as string).toLowerCase()] = unquote(rest.slice(from, to).trim());
  });
  if (positional !== '') {
    if (spec.positional && options[spec.positional] === undefined)
      options[spec.positional] = unquote(positional);
    else return { command, options, stray: positional };
  }
  return { command, options };
}

/** `"NATO aid"` → `NATO aid`; an opening mark never closed (`"NATO aid`) is dropped too. */
function unquote(value: string): string {
  const m = /^(["“'])([\s\S]*?)(["”'])?$/.exec(value);
  return m ? (m[2] as string) : value;
}

/**
 * Reads a plain-words request (README: "Using it"): `who said …`, `summary [of …]`, `quotes by …`,
 * `sources`, `help`, `find source …`; anything else is a question for `ask`. `isArticle` tells
 * whether "summary of X" names an article (else X is the summary's focus).
 *
 * @example
 * parsePlainRequest('who said NATO membership is unrealistic?') // who-said, topic "NATO membership is unrealistic"
 */
export function parsePlainRequest(
  text: string,
  isArticle: (value: string) => boolean = () => false,
): TextRequest {
  const t = text.trim();
  for (const [pattern, build] of PLAIN_RULES) {
    const m = pattern.exec(t);
    if (m) return build(m, isArticle);
  }
  return { command: 'ask', options: { question: t } };
}

type PlainRule = [RegExp, (m: RegExpExecArray, isArticle: (value: string) => boolean) => TextRequest];

const PLAIN_RULES: PlainRule[] = [
  [/^(?:help|commands|\?)\W*$/i, () => ({ command: 'help', options: {} })],
  [/^(?:sources|articles|list(?: articles| sources)?)\W*$/i, () => ({ command: 'sources', options: {} })],
  [
    /^who\s+(?:said|says|has said|told)\s+(?:(?:what|anything|something)\s+)?(?:about\s+)?([\s\S]+?)[?.!\s]*$/i,
    (m) => ({ command: 'who-said', options: { topic: m[1] } }),
  ],
  [
    /^(?:quotes|statements)(?:\s+(?:by|from|of)\b\s*([\s\S]*?))?[?.!\s]*$/i,
    // "quotes by" with nobody after it asks for a speaker; the empty name is reported as such.
    (m) => ({ command: 'quotes', options: m[1] !== undefined ? { speaker: m[1] } : {} }),
  ],
  [
    /^what (?:did|has)\s+([\s\S]+?)\s+(?:say|said)\s*[?.!]*$/i,
    (m) => ({ command: 'quotes', options: { speaker: m[1] } }),
  ],
  [
    /^(?:summary|summarise|summarize|sum up)(?:\s+(?:of|about|on)?\s*([\s\S]+?))?[?.!\s]*$/i,
    (m, isArticle) => {
      const subject = m[1]?.trim();
      if (!subject) return { command: 'summary', options: {} };
      return { command: 'summary', options: isArticle(subject) ? { article: subject } : { focus: subject } };
    },
  ],
  [
    /^(?:find[- ]source|source of|where is this from)[:\s]+([\s\S]+)$/i,
    (m) => ({ command: 'find-source', options: { text: m[1]?.trim() } }),
  ],
];
