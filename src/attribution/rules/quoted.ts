/**
 * Quotations with a cue next to them: `"…," X said` / `"…," said X` after the closing mark, and
 * `X said: "…"` / `X told reporters "…"` before the opening mark.
 */
import type { Token } from '../../nlp/pipeline.js';
import {
  canSpeak,
  classify,
  isBetweenSubjectAndVerb,
  type Mention,
  nameFromWord,
  phraseStartingAt,
} from '../mentions.js';
import type { QuoteSpan } from '../quoteSpans.js';
import { namedByAppositive, speakerAfter, speakerBefore, stripArticle } from '../speakerPhrase.js';
import { openingName } from '../subject.js';
import { closingBracket, isComma, isCue, isGerund, isQuoteMark, lower } from '../tokens.js';
import { QUOTE_VERBS } from '../words.js';
import type { SentenceContext } from './context.js';
import { isTopicCueAt } from './reported.js';

export interface QuoteCue {
  mention: Mention;
  cue: Token;
  /** The cue came before the quote. */
  head: boolean;
  /** The quote is a fragment inside reported speech ("X said that … "partial" …"). */
  reported: boolean;
}

/** Most tokens between a closing mark and its cue (`"…," a long job title then a name said`). */
const TAIL_WINDOW = 12;
/** Most comma-separated parts of an appositive between a speaker after a quote and its cue. */
const MAX_APPOSITIVE_PARTS = 4;
/** Most tokens walked back from an opening mark to its cue (any verb on the way stops the walk). */
const HEAD_WINDOW = 20;

/** `"…," X said` / `"…," said X` / `"…," X told reporters`, in the sentence the quote ends in. */
export function tailAttribution(ctx: SentenceContext, q: QuoteSpan): QuoteCue | null {
  const { tokens, text, inQuote } = ctx;
  if (q.close === null) return null;
  const close = q.close;
  let i = tokens.findIndex((t) => t.start > close);
  if (i < 0) return null;
  while (i < tokens.length && (isComma(tokens[i]) || isQuoteMark(tokens[i]))) i++;
  const first = tokens[i];
  if (!first || inQuote(first.start)) return null;
  // `"…," according to Jane Roe.`: the source follows "according to".
  if (lower(first) === 'according' && lower(tokens[i + 1]) === 'to') {
    const span = phraseStartingAt(tokens, i + 2);
    const m = span ? classify(tokens, span[0], span[1], text) : null;
    return m && canSpeak(m) ? { mention: m, cue: first, head: false, reported: false } : null;
  }
  // Inverted right after the quote: "said Jane Roe, a former spokeswoman."
  if (isCue(first, QUOTE_VERBS)) {
    const m = speakerAfter(tokens, i, text);
    return m ? { mention: m, cue: first, head: false, reported: false } : null;
  }
  return subjectThenCue(ctx, i) ?? windowedTail(ctx, i);
}

/**
 * `"…," Jane Roe, a delegate wearing a red hat, said`: the speaker phrase right after the quote,
 * then any bracket or appositive, then the cue. Found by structure, however long the appositive.
 */
function subjectThenCue(ctx: SentenceContext, i: number): QuoteCue | null {
  const { tokens, text } = ctx;
  const word = nameFromWord(tokens, i, text);
  const found = word ? ([i, i] as [number, number]) : phraseStartingAt(tokens, i);
  if (!found) return null;
  // "Roe notes": the phrase reader takes the verb read as a plural noun for part of the name.
  const last = tokens[found[1]] as Token;
  const span: [number, number] =
    found[1] > found[0] && last.pos === 'NOUN' && isCue(last, QUOTE_VERBS, true)
      ? [found[0], found[1] - 1]
      : found;
  let after = span[1] + 1;
  if (tokens[after]?.text === '(') {
    const close = closingBracket(tokens, after);
    if (close > 0) after = close + 1;
  }
  // One appositive, or several parts with no verb ("Jane Roe, 54, a nurse from Leeds," / "Jane Roe,
  // minister for ports, roads, and canals,"), up to the part the cue follows.
  let appositive: Token[] = [];
  const from = after + 1;
  let describedFrom = from;
  for (let parts = 0; isComma(tokens[after]) && parts < MAX_APPOSITIVE_PARTS; parts++) {
    const open = tokens[after] as Token;
    let close = after + 1;
    while (close < tokens.length && !isComma(tokens[close]) && tokens[close]?.text !== '.') close++;
    if (!isComma(tokens[close]) || (open.text !== ',' && tokens[close]?.text !== open.text)) return null;
    const part = tokens.slice(after + 1, close);
    // "Jane Roe, Tom Lee and Ann Cole said": names joined by "and" are several speakers.
    const joined = part.some((t) => t.pos === 'CCONJ') && part.some((t) => t.pos === 'PROPN');
    if (parts > 0 && (joined || part.some((t) => t.pos === 'VERB' || t.pos === 'AUX'))) return null;
    // An age alone ("Jane Roe, 45, a nurse,") gives way to the phrase after it as the description.
    if (parts === 0 && close === from + 1 && tokens[from]?.pos === 'NUM') describedFrom = close + 1;
    appositive = tokens.slice(describedFrom, close);
    after = close + 1;
    let next = after;
    while (next < tokens.length && isBetweenSubjectAndVerb(tokens[next] as Token)) next++;
    const cueNext = tokens[next] !== undefined && isCue(tokens[next] as Token, QUOTE_VERBS, true);
    // The closing comma opens the next part (a dash pair ends at its second dash).
    if (!cueNext && open.text === ',') after = close;
    else break;
  }
  while (after < tokens.length && isBetweenSubjectAndVerb(tokens[after] as Token)) after++;
  const cue = tokens[after];
  if (!cue || !isCue(cue, QUOTE_VERBS, true)) return null;
  const phrase = word ?? classify(tokens, span[0], span[1], text);
  // `"…," the agency's spokeswoman, Jane Roe, said`: the name set off after the description.
  const named = appositive.length > 0 ? namedByAppositive(tokens, phrase, text) : null;
  const m = named && named.to === span[1] + appositive.length + 1 ? named : phrase;
  if (m.kind === 'pronoun' && appositive.length > 0) return null;
  if (!canSpeak(m) && m.kind === 'group' && !['NOUN', 'PROPN'].includes(tokens[span[1]]?.pos ?? ''))
    return null;
  // A description is a noun phrase ("a delegate from Texas"), not "after a long pause".
  const nounPhrase = ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(appositive[0]?.pos ?? '');
  const described = nounPhrase ? stripArticle(appositive, text) : null;
  const mention =
    m.kind === 'person' && !m.title && described && !/^(?:who|which|whose)\b/i.test(described)
      ? { ...m, title: described }
      : m;
  return { mention, cue, head: false, reported: false };
}

/** The older, looser reading: the first cue within a few tokens, with the speaker before it. */
function windowedTail(ctx: SentenceContext, i: number): QuoteCue | null {
  const { tokens, text, inQuote } = ctx;
  for (let k = i; k < Math.min(tokens.length, i + TAIL_WINDOW); k++) {
    const t = tokens[k] as Token;
    if (inQuote(t.start)) return null;
    if (t.text === '.' || t.text === ';' || isQuoteMark(t)) break;
    if (!isCue(t, QUOTE_VERBS)) continue;
    // `"…" about the plan, said Jane Roe.`: an inverted cue after a comma has its speaker after it.
    const m =
      speakerBefore(tokens, k, text, i) ?? (isComma(tokens[k - 1]) ? speakerAfter(tokens, k, text) : null);
    return m ? { mention: m, cue: t, head: false, reported: false } : null;
  }
  return null;
}

/**
 * `Said Jane Roe, who grew up nearby, "…"`: a sentence that opens with its cue, then the speaker
 * and any appositive, up to the quotation (whose last token before the mark is `i`).
 */
function invertedOpening(ctx: SentenceContext, i: number): QuoteCue | null {
  const { tokens, text } = ctx;
  let k = 0;
  while (k < i && (tokens[k]?.pos === 'PUNCT' || tokens[k]?.pos === 'CCONJ')) k++;
  const cue = tokens[k];
  if (!cue || k >= i || !/^\p{Lu}/u.test(cue.text) || !isCue(cue, QUOTE_VERBS)) return null;
  if (!(isComma(tokens[i]) || tokens[i]?.text === ':')) return null;
  const m = speakerAfter(tokens, k, text);
  return m ? { mention: m, cue, head: true, reported: false } : null;
}

/**
 * True when the clause runs on right after the closing mark at `close` to a verb, with no
 * punctuation first (`"clearly" needed …`, not `"we will," adding …`).
 */
function verbAfter({ tokens, text }: SentenceContext, close: number): boolean {
  if (/[,.;:!?]/.test(text[close - 1] ?? '')) return false;
  for (const t of tokens) {
    if (t.start <= close) continue;
    if (t.pos === 'PUNCT' || isQuoteMark(t)) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}

/**
 * `…," he said at a briefing, and then predicted: "…"`: a cue after "and" or "but" shares the
 * speaker already found in the sentence, else its subject.
 */
function coordinatedSpeaker(ctx: SentenceContext, k: number): Mention | null {
  let j = k - 1;
  while (j >= 0 && isBetweenSubjectAndVerb(ctx.tokens[j] as Token)) j--;
  return /^(?:and|but)$/.test(lower(ctx.tokens[j])) ? (ctx.speaker ?? ctx.subject) : null;
}

/** Verbs whose subject takes in the words of others ("received a letter:", "heard the crowd:"). */
// biome-ignore format: a word list reads best packed
const RECEIVING_VERBS = new Set([
  'receive', 'get', 'hear', 'overhear', 'see', 'watch', 'read', 'find', 'quote', 'cite', 'show', 'obtain',
  'review', 'play', 'air', 'notice', 'display', 'hold', 'carry', 'wear',
]);

/** Words that open a clause of its own between a subject and a colon ("… as the crowd roared:"). */
const CLAUSE_OPENERS =
  /^(?:who|whom|which|that|he|she|they|we|i|it|you|as|while|when|whenever|because|although|though|whereas|unless|once)$/i;

/**
 * `X struck back: "…"`, `X went on: "…"`, `X had this to say about the plan: "…"`: a clause ending
 * in a colon that opens a quotation of a full sentence, with no cue next to the mark that names a
 * speaker. The clause's subject speaks. Not when the clause's verb takes in
 * others' words ("X received a note from Y:"), nor when another clause starts after the subject
 * ("X smiled as the crowd chanted:"), whose subject is not known here.
 */
function colonSubject(ctx: SentenceContext, i: number, q: QuoteSpan): QuoteCue | null {
  const { tokens, text, inQuote, subject } = ctx;
  if (tokens[i]?.text !== ':' || !subject || subject.to >= i) return null;
  if (!/^\P{L}*\p{Lu}/u.test(text.slice(q.start, q.start + 8))) return null;
  let verb: Token | null = null;
  for (let k = subject.to + 1; k < i; k++) {
    const t = tokens[k] as Token;
    if (inQuote(t.start) || isQuoteMark(t)) continue;
    if (t.pos === 'SCONJ' || t.text === ';' || t.text === '.' || CLAUSE_OPENERS.test(t.text)) return null;
    if (/^(?:from|by)$/i.test(t.text)) return null;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (RECEIVING_VERBS.has(t.lemma)) return null;
    verb ??= t;
  }
  return verb ? { mention: subject, cue: verb, head: true, reported: false } : null;
}

/** `X said: "…"` / `X told reporters "…"` / `X said that "…"`, in the sentence the quote opens in. */
export function headAttribution(ctx: SentenceContext, q: QuoteSpan): QuoteCue | null {
  const { tokens } = ctx;
  const open = q.open ?? q.start;
  let i = -1;
  for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).start < open) i = k;
  return cueBeforeMark(ctx, q, i) ?? colonSubject(ctx, i, q);
}

/** The cue and speaker found walking back from the opening mark (after token `i`). */
function cueBeforeMark(ctx: SentenceContext, q: QuoteSpan, i: number): QuoteCue | null {
  const { tokens, text, inQuote } = ctx;
  const inverted = invertedOpening(ctx, i);
  if (inverted) return inverted;
  // Walk back from the mark over ":", ",", "that", an object and time words to the cue.
  let sawThat = false;
  for (let k = i, steps = 0; k >= 0 && steps < HEAD_WINDOW; k--, steps++) {
    const t = tokens[k] as Token;
    if (inQuote(t.start)) return null;
    if (lower(t) === 'that' && t.pos !== 'PRON') {
      sawThat = true;
      continue;
    }
    // "the report, which notes, “…”": after a relative pronoun a word in -s read as a noun is the verb.
    const afterRelative = /^(?:who|which)$/i.test(tokens[k - 1]?.text ?? '');
    if (isCue(t, QUOTE_VERBS, afterRelative)) {
      // '…," he said, adding "…"': a participle after a comma shares the sentence's speaker.
      // "X issued a statement saying "…"": the noun before a participle is its object, not a speaker.
      const shared = isGerund(t) && (isComma(tokens[k - 1]) || ctx.speaker !== null || ctx.subject !== null);
      // "Said Jane Roe, who grew up nearby, “…”": a cue opening the sentence has its speaker after it.
      const opensSentence = tokens.slice(0, k).every((x) => x.pos === 'PUNCT' || x.pos === 'CCONJ');
      const m = shared
        ? (ctx.speaker ?? ctx.subject ?? openingName(ctx.tokens, ctx.text))
        : opensSentence
          ? speakerAfter(tokens, k, text)
          : (speakerBefore(tokens, k, text, 0) ?? coordinatedSpeaker(ctx, k));
      if (!m) return null;
      // "As Roe put it, “…”", "Roe put it bluntly: “…”": the "it" of the idiom is no clause.
      const idiom = t.lemma === 'put' && lower(tokens[k + 1]) === 'it';
      const between = tokens
        .slice(idiom ? k + 2 : k + 1, i + 1)
        .filter((x) => !isComma(x) && x.text !== ':' && !(idiom && x.pos === 'ADV'));
      // `said on the network's “Morning Show.”`: a quotation right after a possessive is a name or
      // a noun phrase (a programme, a "betrayal"), not words said.
      if (/^['’]s$/.test(tokens[i]?.text ?? '')) return null;
      // "X said that "…"" and "X said the council was "deeply reluctant" to …": the quote sits inside a
      // reported clause, which is the statement.
      // A possessive ("on her blog") belongs to a setting phrase, not to a clause.
      const insideClause = between.some(
        (x) =>
          (x.pos === 'VERB' && !isCompoundNoun(tokens, tokens.indexOf(x))) ||
          x.pos === 'AUX' ||
          (x.pos === 'PRON' && !/^(?:his|her|its|their|our|my|your)$/i.test(x.text)),
      );
      // `X said the city "clearly" needed …`: a subject before the quotation and a verb after it.
      const clauseGoesOn = between.length > 0 && q.close !== null && verbAfter(ctx, q.close);
      // `X tweeted this: "…"`: a colon before the mark introduces the quotation itself.
      const colon = tokens[i]?.text === ':';
      // `X warned against the "wild hopes" of …`: the quotation is part of the topic talked about.
      const inTopic = !colon && between.length > 1 && isTopicCueAt(tokens, k);
      return {
        mention: m,
        cue: t,
        head: true,
        reported: sawThat || inTopic || (!colon && (insideClause || clauseGoesOn)),
      };
    }
    if (t.pos === 'VERB' && !isCompoundNoun(tokens, k)) return cueBeforeTimeClause(ctx, i);
    if (t.text === '.' || t.text === ';' || isQuoteMark(t)) return null;
  }
  return null;
}

/** Words that open a clause of time between a cue and its quotation. */
const TIME_CLAUSE_OPENERS = /^(?:as|while|when|after|before)$/i;
/** Most tokens of such a clause. */
const TIME_CLAUSE_WINDOW = 14;

/**
 * `Roe said as he greeted the crowd, “…”`, `Roe told reporters while leaving the court, “…”`:
 * a clause of time right after the cue, ending in the comma before the opening mark (token `i`).
 */
function cueBeforeTimeClause(ctx: SentenceContext, i: number): QuoteCue | null {
  const { tokens, text, inQuote } = ctx;
  if (!isComma(tokens[i])) return null;
  for (let s = i - 1; s > 0 && i - s <= TIME_CLAUSE_WINDOW; s--) {
    const t = tokens[s] as Token;
    if (inQuote(t.start) || isQuoteMark(t) || t.text === '.' || t.text === ';' || isComma(t)) return null;
    if (!TIME_CLAUSE_OPENERS.test(t.text)) continue;
    let c = s - 1;
    // "told reporters as …": the cue's object may stand between.
    if (tokens[c]?.pos === 'NOUN' && tokens[c - 1]?.pos === 'VERB') c--;
    const cue = tokens[c] as Token;
    if (!isCue(cue, QUOTE_VERBS)) return null;
    const m = speakerBefore(tokens, c, text, 0);
    return m ? { mention: m, cue, head: true, reported: false } : null;
  }
  return null;
}

/**
 * "in the campaign spin room", "at a campaign stop event": an uninflected word the tagger read as a
 * verb between two common nouns is part of a compound noun, not a verb that ends the walk.
 */
function isCompoundNoun(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  return (
    tokens[k - 1]?.pos === 'NOUN' &&
    tokens[k + 1]?.pos === 'NOUN' &&
    t.lemma === t.text.toLowerCase() &&
    /^\p{Ll}+$/u.test(t.text)
  );
}
