/**
 * Quotations with no cue that carry on from the previous speaker: a full quotation that opens a
 * paragraph, or follows a statement in the sentence before it in the same paragraph.
 */
import type { Paragraph, Sentence } from '../../corpus/types.js';
import { type QuoteSpan, wordCount } from '../quoteSpans.js';
import type { StatementSpan } from '../types.js';

/** Shortest quotation, in words, that stands as a statement on its own (shorter ones are scare quotes). */
export const MIN_QUOTE_WORDS = 4;

/** True when quotation `q` (sentences `first..last`) continues an earlier speaker. */
export function continuesSpeaker(
  q: QuoteSpan,
  first: number,
  last: number,
  sentences: readonly Sentence[],
  paragraph: Paragraph | undefined,
  statements: readonly StatementSpan[],
  text: string,
): boolean {
  const opening = q.open ?? q.start;
  const startsSentence = opening <= (sentences[first] as Sentence).start + 1;
  const fillsSentences = q.close === null || q.close >= (sentences[last] as Sentence).end - 2;
  const opensParagraph = paragraph !== undefined && opening <= paragraph.start + 1;
  const follows = statements.some(
    (s) =>
      s.lastSentence === first - 1 &&
      (sentences[s.lastSentence] as Sentence).paragraph === (sentences[first] as Sentence).paragraph,
  );
  if (!startsSentence || !fillsSentences || !(opensParagraph || follows)) return false;
  // A short quotation stands only right after its speaker's ("…," he said. "We will.").
  return wordCount(text.slice(q.start, q.end)) >= MIN_QUOTE_WORDS || follows;
}
