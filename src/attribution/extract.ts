/**
 * Finds the statements in one article and who made them, as written (before pronouns are
 * resolved and name variants merged), in three passes: quotations with a cue next to them
 * (rules/quoted.ts), reported speech sentence by sentence (rules/reported.ts), and quotations that
 * carry on from the previous speaker (rules/continuation.ts).
 */
import type { Article, Paragraph, Sentence } from '../corpus/types.js';
import type { AnalyzedSentence, Token } from '../nlp/pipeline.js';
import type { Mention } from './mentions.js';
import { findQuoteSpans, type QuoteSpan, wordCount } from './quoteSpans.js';
import type { SentenceContext } from './rules/context.js';
import { continuesSpeaker, MIN_QUOTE_WORDS } from './rules/continuation.js';
import { headAttribution, type QuoteCue, tailAttribution } from './rules/quoted.js';
import { reportedSpeech } from './rules/reported.js';
import { introducedPeople, leadInSubject, sentenceSubject } from './subject.js';
import type { StatementSpan } from './types.js';

/** A statement before its speaker is resolved. Sentence numbers index `article.sentences`. */
export interface RawStatement extends StatementSpan {
  /** The speaker as written, or null when the statement continues the previous speaker. */
  mention: Mention | null;
  /** Index of the sentence the mention is in. */
  mentionSentence: number;
}

/** Per-sentence facts the pronoun resolver needs. */
export interface SentenceFacts {
  /** The grammatical subject, when it is someone who can speak. */
  subject: Mention | null;
  /** People introduced by full name elsewhere in the sentence ("… for accountant Jane Roe"). */
  introduced: Mention[];
  /** The person a clause opening the sentence is about ("After Ada Quinn lost the vote, …"). */
  leadIn: Mention | null;
  paragraph: number;
}

export interface Extraction {
  statements: RawStatement[];
  facts: SentenceFacts[];
}

/** Extracts the statements of one article from its sentences and their analyses. */
export function extractStatements(article: Article, analyses: readonly AnalyzedSentence[]): Extraction {
  const { sentences, text } = article;
  const textParagraphs = article.paragraphs.filter((p) => p.kind === 'text');
  const quotes = findQuoteSpans(
    text,
    textParagraphs,
    sentences.filter((s) => s.kind === 'sentence').map((s) => s.start),
  );
  const inQuote = insideAny(quotes);
  const sentenceAt = (offset: number) => lastStartingAtOrBefore(sentences, offset);

  const facts: SentenceFacts[] = sentences.map((s, i) => {
    const tokens = analyses[i]?.tokens ?? [];
    const subject = s.kind === 'sentence' ? sentenceSubject(tokens, text, inQuote) : null;
    return {
      subject,
      introduced: s.kind === 'sentence' ? introducedPeople(tokens, text, inQuote, subject) : [],
      leadIn: s.kind === 'sentence' ? leadInSubject(tokens, text, inQuote) : null,
      paragraph: s.paragraph,
    };
  });
  const statements: RawStatement[] = [];
  const context = (i: number): SentenceContext => ({
    tokens: analyses[i]?.tokens ?? [],
    text,
    index: i,
    inQuote,
    subject: facts[i]?.subject ?? null,
    speaker: statements.find((s) => s.mentionSentence === i && s.mention)?.mention ?? null,
  });
  const usedCues = new Set<number>();
  const coveredQuotes = new Set<QuoteSpan>();
  const fragments: { statement: RawStatement; quote: QuoteSpan }[] = [];

  // 1. Quotations with a cue next to them.
  /** The last quotation whose cue came after it, with that cue, for a quotation it resumes. */
  let tail: { q: QuoteSpan; found: QuoteCue; sentence: number } | null = null;
  for (const q of quotes) {
    const first = sentenceAt(q.open ?? q.start);
    const last = sentenceAt(q.close ?? q.end - 1);
    if (first < 0 || last < 0) continue;
    const introduced = introducedAbove(q, first, sentences, textParagraphs[q.paragraph]);
    const found: QuoteCue | null =
      tailAttribution(context(last), q) ??
      resumedQuotation(tail, q, first, text, sentences[last] as Sentence) ??
      headAttribution(context(first), q) ??
      (introduced ? headAttribution(context(first - 1), q) : null);
    tail = found && !found.head && !found.reported ? { q, found, sentence: last } : null;
    if (!found) continue;
    if (found.reported) continue; // a partial quote inside reported speech: the clause is the statement
    // A short quotation stands with its cue when it opens the sentence ("“We will,” she said."):
    // only scare quotes sit mid-sentence.
    const opensSentence =
      (q.open ?? q.start) <= (sentences[first] as Sentence).start + 1 &&
      !continuesAfterCue(analyses[last]?.tokens ?? [], found.cue, inQuote);
    if (wordCount(text.slice(q.start, q.end)) < MIN_QUOTE_WORDS && !found.head && !opensSentence) continue;
    const cueSentence = found.head
      ? found.cue.start < (sentences[first] as Sentence).start
        ? first - 1
        : first
      : last;
    const statement: RawStatement = {
      firstSentence: Math.min(first, cueSentence),
      lastSentence: Math.max(last, cueSentence),
      quoteStart: q.start,
      quoteEnd: q.end,
      quoted: true,
      cue: found.cue.text,
      mention: found.mention,
      mentionSentence: cueSentence,
    };
    // `The plan had "no chance" of passing, she said.`: a quoted fragment inside a clause that a
    // closing attribution reports. The clause is the statement when the reported-speech rules find
    // it; the quotation alone stands only when they do not.
    if (!found.head && first === last && isFragmentOfClause(analyses[first]?.tokens ?? [], q, inQuote)) {
      fragments.push({ statement, quote: q });
      continue;
    }
    usedCues.add(found.cue.start);
    coveredQuotes.add(q);
    statements.push(statement);
  }

  // 2. Reported speech, sentence by sentence.
  sentences.forEach((sentence, si) => {
    if (sentence.kind !== 'sentence') return;
    for (const r of reportedSpeech(context(si), usedCues)) {
      usedCues.add(r.cue.start);
      const quoted = quotes.some((q) => q.start < r.end && q.end > r.start);
      for (const q of quotes) if (q.start >= r.start && q.end <= r.end + 2) coveredQuotes.add(q);
      // `said the team was "locked in."`: a quotation closing just after the clause's last word
      // closes inside it, so the words keep both marks.
      // A full stop inside the mark ("was “clearly lacking.”") goes with it.
      const stop = /[.!?]/.test(text[r.end] ?? '') ? 1 : 0;
      const closing = quotes.find((q) => q.start < r.end && (q.close === r.end || q.close === r.end + stop));
      const sentenceEnd = (sentences[si] as Sentence).end;
      const end = closing?.close != null && closing.close < sentenceEnd ? closing.close + 1 : r.end;
      statements.push({
        firstSentence: si,
        lastSentence: si,
        quoteStart: r.start,
        quoteEnd: end,
        quoted,
        cue: r.cue.text,
        mention: r.mention,
        mentionSentence: si,
      });
    }
  });

  for (const { statement, quote } of fragments) {
    if (statements.some((s) => s.quoteStart < statement.quoteEnd && statement.quoteStart < s.quoteEnd))
      continue;
    coveredQuotes.add(quote);
    statements.push(statement);
  }

  // 3. Quotations with no cue that carry on from the previous speaker.
  for (const q of quotes) {
    if (coveredQuotes.has(q)) continue;
    const first = sentenceAt(q.open ?? q.start);
    const last = sentenceAt(q.close ?? q.end - 1);
    if (first < 0 || last < 0) continue;
    if (!continuesSpeaker(q, first, last, sentences, textParagraphs[q.paragraph], statements, text)) continue;
    statements.push({
      firstSentence: first,
      lastSentence: last,
      quoteStart: q.start,
      quoteEnd: q.end,
      quoted: true,
      cue: null,
      mention: null,
      mentionSentence: first,
    });
  }

  statements.sort((a, b) => a.quoteStart - b.quoteStart);
  return { statements: dropOverlaps(statements), facts };
}

/**
 * `She said:` closing one paragraph, the quotation opening the next: the sentence before the
 * quotation ends in a colon, in the paragraph before.
 */
function introducedAbove(
  q: QuoteSpan,
  first: number,
  sentences: readonly Sentence[],
  paragraph: Paragraph | undefined,
): boolean {
  const before = sentences[first - 1];
  const opening = q.open ?? q.start;
  if (!before || !paragraph || opening > paragraph.start + 1 || before.kind !== 'sentence') return false;
  // A heading in capitals ("MORE READING:") introduces a list, not a quotation.
  return (
    before.paragraph !== (sentences[first] as Sentence).paragraph &&
    /:\s*$/.test(before.text) &&
    /\p{Ll}/u.test(before.text)
  );
}

/**
 * `“A,” she said of the plan, “but B.”` / `“A,” said Jane Roe, who runs the firm, “and B.”`: a
 * quotation that resumes, after a comma, in the sentence of the cue that followed the quotation
 * before it, and runs to the end of that sentence. It has that cue and speaker (the walk back from
 * its mark stops at the verb of a long attribution or appositive).
 */
function resumedQuotation(
  tail: { q: QuoteSpan; found: QuoteCue; sentence: number } | null,
  q: QuoteSpan,
  first: number,
  text: string,
  sentence: Sentence,
): QuoteCue | null {
  if (!tail || tail.sentence !== first || q.open === null || q.close === null) return null;
  if (tail.q.close === null || tail.found.cue.start < tail.q.close || tail.found.cue.start > q.open)
    return null;
  if (!/,\s*$/.test(text.slice(tail.found.cue.end, q.open))) return null;
  // The quotation ends the sentence: only punctuation and marks after its closing mark.
  if (!/^[\s.,!?;”"’']*$/u.test(text.slice(q.close, sentence.end))) return null;
  return { ...tail.found, head: true };
}

/**
 * True when unquoted words with a verb open the sentence before the quotation: the quotation is
 * part of a clause ("Voters were "tired of waiting," she said"), not the whole of what was said.
 */
function isFragmentOfClause(
  tokens: readonly Token[],
  q: QuoteSpan,
  inQuote: (at: number) => boolean,
): boolean {
  const open = q.open ?? q.start;
  const before = tokens.filter((t) => t.end <= open && !inQuote(t.start) && /[\p{L}\p{N}]/u.test(t.text));
  // The tagger misses some verbs ("the vote signals …" read as a plural noun): four words are a clause too.
  return (
    before.length >= 4 || (before.length >= 2 && before.some((t) => t.pos === 'VERB' || t.pos === 'AUX'))
  );
}

/**
 * True when the sentence goes on with unquoted words after the cue ("“Only you,” she said, would
 * …"): a verb right after the comma. A relative clause or an apposition about the speaker ("said
 * Ann Cole, who won the race") or a participle (", adding …") does not carry the sentence on.
 */
function continuesAfterCue(tokens: readonly Token[], cue: Token, inQuote: (at: number) => boolean): boolean {
  const k = tokens.indexOf(cue);
  const rest = tokens.slice(k + 1).filter((t) => !inQuote(t.start));
  const comma = rest.findIndex((t) => t.text === ',');
  if (comma < 0) return false;
  let i = comma + 1;
  while (rest[i]?.pos === 'ADV') i++;
  const next = rest[i];
  return next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX') && !/ing$/i.test(next.text);
}

/** Keeps one statement where two claim overlapping words (the first found, i.e. quoted, wins). */
function dropOverlaps(statements: RawStatement[]): RawStatement[] {
  const kept: RawStatement[] = [];
  for (const s of statements) {
    const clash = kept.find((k) => k.quoteStart < s.quoteEnd && s.quoteStart < k.quoteEnd);
    if (!clash) kept.push(s);
    else if (clash.mention === null && s.mention !== null) kept[kept.indexOf(clash)] = s;
  }
  return kept;
}

/** A test for "offset is inside one of these spans"; spans are in text order, so a binary search. */
function insideAny(spans: readonly QuoteSpan[]): (at: number) => boolean {
  return (at) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = spans[mid] as QuoteSpan;
      if (at < q.start) hi = mid - 1;
      else if (at >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The sentence containing `offset`, else the last one starting before it (-1 if none). */
function lastStartingAtOrBefore(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
