/**
 * Surnames the tagger reads as verbs: after a first name, "Ward", "Burke" or "Hunt" is tagged
 * VERB ("said Nora Ward, director …" would name "Steve"). A capitalised verb right after a
 * capitalised proper noun or a title ("Dr. Halloran") is taken for a proper noun before speakers are
 * read; so is a first name tagged as a verb ("Josh", "Ted") before a proper noun, and one tagged
 * as an auxiliary ("Will") between a lower-case word and a proper noun. Headlines in
 * title case keep their verbs: speech verbs, auxiliaries ("Will", "Is") and, after a word that is
 * not a first name, inflected forms ("Approves", "Signed") are left alone.
 */
import type { AnalyzedSentence, Token } from '../nlp/pipeline.js';
import { isFirstName, REPORT_VERBS, ROLE_WORDS } from './words.js';

const isCapitalisedWord = (t: Token) => /^\p{Lu}\p{Ll}+$/u.test(t.text);
/** "Dr.", "Mayor", "Sen.": a capitalised title, after which a capitalised word is a name. */
const isTitle = (t: Token) =>
  /^\p{Lu}/u.test(t.text) && ROLE_WORDS.has(t.text.toLowerCase().replace(/\.$/, ''));

/** The analyses with such surnames retagged PROPN; sentences without one are returned as they are. */
export function retagSurnames(analyses: readonly AnalyzedSentence[]): AnalyzedSentence[] {
  return analyses.map((a) => {
    let tokens: Token[] | null = null;
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as Token;
      const after = a.tokens[i + 1];
      const before = (tokens ?? a.tokens)[i - 1];
      // "Will Hunt", "Mark Tolland": a first name that is also a verb, before a proper noun; one
      // read as an auxiliary ("said Will Doyle") only after a word in lower case, so that a
      // title-case headline keeps its verb ("Trump Will Win").
      const verbLike =
        t.pos === 'VERB' || (t.pos === 'AUX' && before !== undefined && /^\p{Ll}/u.test(before.text));
      if (
        verbLike &&
        isCapitalisedWord(t) &&
        isFirstName(t.text) &&
        after?.pos === 'PROPN' &&
        isCapitalisedWord(after) &&
        t.end + 1 === after.start
      ) {
        tokens ??= [...a.tokens];
        tokens[i] = { ...t, pos: 'PROPN', lemma: t.text.toLowerCase() };
        continue;
      }
      if (!before) continue;
      if (
        t.pos === 'VERB' &&
        isCapitalisedWord(t) &&
        ((before.pos === 'PROPN' &&
          isCapitalisedWord(before) &&
          (isFirstName(before.text) || !/(?:s|ed|ing)$/.test(t.text))) ||
          isTitle(before)) &&
        before.end + 1 === t.start &&
        !REPORT_VERBS.has(t.lemma)
      ) {
        tokens ??= [...a.tokens];
        tokens[i] = { ...t, pos: 'PROPN', lemma: t.text.toLowerCase() };
      }
    }
    return tokens ? { ...a, tokens } : a;
  });
}
