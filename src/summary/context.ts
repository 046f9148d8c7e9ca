/**
 * Whether a sentence can stand alone in a summary: general news-layout rules, read from the text.
 *
 * - A photo caption glued into the text ("Scroll down for video …", "Sale: Actor … is selling …",
 *   "… (left) …") is not part of the story.
 * - A quote sentence whose speaker is not in it (a sentence inside a quotation that began earlier,
 *   or a quotation with no attribution) says something nobody is shown to have said.
 * - A sentence that opens on a pronoun or connective ("He added …", "But …", "This …"), on a bare
 *   verb ("Be able to …": speech or a list that lost its subject), or whose quotation is attributed
 *   only to a pronoun ("…," he said) needs the sentence before it.
 */
import type { Sentence } from '../corpus/types.js';
import { REPORT_VERBS } from '../nlp/lexicon.js';
import { isStopWord, words } from '../nlp/terms.js';

export type Standing =
  /** Reads on its own. */
  | 'alone'
  /** Needs the sentence before it in the same paragraph. */
  | 'leans'
  /** Never a summary sentence: a glued caption, or a quotation without its speaker. */
  | 'never';

const DANGLING =
  /^[\s"“‘'(]*(?:he|she|they|it|this|these|those|that|his|her|their|its|him|them|but|and|or|nor|however|also|meanwhile|still|yet|so|then|such|both|neither|instead|otherwise|nevertheless|moreover|furthermore|besides|thus|hence|therefore|indeed|again)\b(?!['’]s\b)/i;

/**
 * Opening on a verb in its base form: in narration a sentence has a subject, so this is a piece of
 * speech or of a list whose subject is elsewhere.
 */
const BARE_VERB =
  /^[\s"“‘'(]*(?:be|let|make|take|keep|stop|look|imagine|remember|consider|try|get|give|tell|ask|see|come|put|bring|think|go)\b(?!\s+(?:to|of|is|are|was|were)\b)/i;

/** Daily Mail and wire layout glued into the text: video prompts, labelled captions, picture positions. */
const GLUED_CAPTION =
  /^\s*scroll down\b|^\s*['‘"“]?(?:\p{Lu}[\p{L}\p{N}'’-]*\s+){0,3}\p{Lu}[\p{L}\p{N}'’-]*[!?]?['’"”]?:\s|\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|second left|second right|far left|far right|front|back)\b[^)]*\)|\bpictured\b/iu;

/** Pronouns, and time words that can follow a speech verb ("he said Tuesday"): not a speaker's name. */
const NOT_SPEAKER = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'him',
  'her',
  'them',
  'one',
  'today',
  'yesterday',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'weekend',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'earlier',
  'later',
  'last',
  'statement',
  'interview',
]);

const SPEECH_STEMS = new Set(
  [...REPORT_VERBS, 'ask', 'continue', 'write'].map((v) => words(v)[0]?.stem ?? v),
);

interface QuoteParts {
  /** The text outside quotation marks. */
  outside: string;
  /** Letters inside quotation marks. */
  quoted: number;
  /** Letters in all. */
  letters: number;
  /** Which quotation is open at the end ('"' double, "'" single), or null. */
  open: '"' | "'" | null;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Splits a sentence into quoted and unquoted text, starting inside `open` (from the sentence before). */
export function quoteParts(text: string, open: '"' | "'" | null): QuoteParts {
  let outside = '';
  let quoted = 0;
  let letters = 0;
  let state = open;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    let mark = false;
    if (c === '“' || c === '„') {
      if (state === null) state = '"';
      mark = true;
    } else if (c === '”') {
      if (state === '"') state = null;
      mark = true;
    } else if (c === '"') {
      state = state === '"' ? null : state === null ? '"' : state;
      mark = true;
    } else if (c === '‘' || c === '’' || c === "'") {
      const wordBefore = LETTER.test(before);
      const wordAfter = LETTER.test(after);
      if (wordBefore && wordAfter) {
        // An apostrophe: don't, O’Toole.
      } else if (!wordBefore && wordAfter && c !== '’' && state === null) {
        state = "'";
        mark = true;
      } else if (!wordBefore && wordAfter && c === '’' && state === null && /\s/.test(before)) {
        state = "'";
        mark = true;
      } else if (state === "'" && !wordAfter) {
        state = null;
        mark = true;
      }
    }
    if (mark) {
      outside += ' ';
      continue;
    }
    const isLetter = LETTER.test(c);
    if (isLetter) letters++;
    if (state === null) outside += c;
    else if (isLetter) quoted++;
  }
  return { outside, quoted, letters, open: state };
}

/** True when the unquoted words name someone (more than a pronoun, a speech verb and a time). */
function namesASpeaker(outside: string): boolean {
  return words(outside).some(
    (w) =>
      !isStopWord(w) && !SPEECH_STEMS.has(w.stem) && !NOT_SPEAKER.has(w.plain) && !/^\p{N}/u.test(w.plain),
  );
}

/** How each sentence stands, by sentence id, for the sentences of one article (in order). */
export function standings(sentences: readonly Sentence[]): Map<number, Standing> {
  const out = new Map<number, Standing>();
  let paragraph = -1;
  let open: '"' | "'" | null = null;
  let first = true;
  for (const s of sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      open = null;
    }
    if (s.kind !== 'sentence') {
      out.set(s.id, 'never');
      continue;
    }
    // The story's first sentence has nothing before it to lean on ("They may not be …" is a lead).
    const opening = first;
    first = false;
    const startsOpen = open !== null;
    const parts = quoteParts(s.text, open);
    open = parts.open;
    const quotation = parts.letters > 0 && parts.quoted / parts.letters >= 0.4;
    if (GLUED_CAPTION.test(s.text)) out.set(s.id, 'never');
    else if (quotation && !namesASpeaker(parts.outside)) {
      // Inside a quotation from an earlier sentence, or quoted with no attribution: speakerless;
      // "…," he said: the speaker is in the sentence before.
      const pronounCue = /\p{L}/u.test(parts.outside) && !startsOpen;
      out.set(s.id, pronounCue ? (opening ? 'alone' : 'leans') : 'never');
    } else if (DANGLING.test(s.text) || BARE_VERB.test(s.text)) out.set(s.id, opening ? 'alone' : 'leans');
    else out.set(s.id, 'alone');
  }
  return out;
}
