/** Topics for /who-said made from a gold quote, as a reader might type them: its rarest words. */
import { nameWords } from '../../src/attribution/names.js';
import { isStopWord, words } from '../../src/nlp/terms.js';

/** How many words a topic has. */
export const RARE_WORDS = 3;

/**
 * The `count` content words of the quote (no stop words, at least 3 letters, not the speaker's
 * name) found in the fewest sentences of the article. Ties: longer words first, then the quote's order.
 */
export function rareWordsTopic(
  sentences: readonly { text: string }[],
  quoteParts: readonly string[],
  speakerName: string,
  count = RARE_WORDS,
): string {
  const sentencesWith = new Map<string, number>();
  for (const s of sentences) {
    for (const stem of new Set(words(s.text).map((w) => w.stem)))
      sentencesWith.set(stem, (sentencesWith.get(stem) ?? 0) + 1);
  }
  const nameParts = new Set(nameWords(speakerName));
  const seen = new Set<string>();
  const candidates = quoteParts
    .flatMap((part) => words(part))
    .filter(
      (w) =>
        !isStopWord(w) &&
        (w.plain.length >= 3 || w.acronym) &&
        !nameParts.has(w.plain) &&
        !seen.has(w.stem) &&
        seen.add(w.stem),
    );
  // Fewest sentences first; then longer words; then the order in the quote (sort is stable).
  return candidates
    .sort(
      (a, b) =>
        (sentencesWith.get(a.stem) ?? 0) - (sentencesWith.get(b.stem) ?? 0) ||
        b.plain.length - a.plain.length,
    )
    .slice(0, count)
    .map((w) => w.plain)
    .join(' ');
}
