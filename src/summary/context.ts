/**
 * Whether a sentence can stand alone in a summary: general news-layout rules, read from the text.
 *
 * - A photo caption glued into the text ("Scroll down for video …", "Sale: Actor … is selling …",
 *   "… (left) …"), or a short line that does not end like a sentence (a caption or heading that lost
 *   its full stop), is not part of the story.
 * - A quote sentence whose speaker is not in it (a sentence inside a quotation that began earlier,
 *   or a quotation with no attribution) says something nobody is shown to have said.
 * - A sentence that opens on a pronoun or connective ("He added …", "But …", "This …"), on a bare
 *   verb ("Be able to …": speech or a list that lost its subject), or whose quotation is attributed
 *   only to a pronoun ("…," he said) needs the story sentence before it: the one before it that is
 *   not a caption, since a caption between two sentences of a story interrupts the story without
 *   changing what "he" or "but" refers to. News paragraphs are often one sentence long, so a "He
 *   said" paragraph leans on the paragraph before it.
 */
import type { Sentence } from '../corpus/types.js';
import { REPORT_VERBS } from '../nlp/lexicon.js';
import { isStopWord, words } from '../nlp/terms.js';

export type Standing =
  /** Reads on its own. */
  | 'alone'
  /** Needs the story sentence before it. */
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

/** Daily Mail and wire layout glued into the text: video prompts and picture positions. */
const CAPTION_MARK =
  /^\s*scroll down\b|\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|second left|second right|far left|far right|front|back)\b[^)]*\)|\bpictured\b/i;

/**
 * A caption's label: one to three words, the first capitalised, then a colon ("Sale: …", "Opening
 * day: …"). Case-sensitive on purpose: under the `i` flag `\p{Lu}` matches lower case too, and
 * any sentence with a colon after its first few words would look like a caption.
 */
const CAPTION_LABEL = /^\s*['‘"“]?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+){0,2})[!?]?['’"”]?:\s/u;

/** A sentence that does not end like one is a caption or heading glued into the text, when short. */
const LONG_UNFINISHED = 20;

/** Ends like a sentence (a caption or heading glued into the text usually does not). */
export function endsLikeASentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*\s*$|["”’]\s*$/.test(text);
}

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

/**
 * A caption glued into the text: a video prompt, a picture position, a label ("Sale: …"; not a
 * speech introduction such as "He said: …" or "Police told reporters: …"), or a short line that does
 * not end like a sentence.
 */
export function isGluedCaption(text: string): boolean {
  if (CAPTION_MARK.test(text)) return true;
  if (!endsLikeASentence(text) && words(text).length < LONG_UNFINISHED) return true;
  const label = CAPTION_LABEL.exec(text)?.[1];
  return (
    label !== undefined && !words(label).some((w) => SPEECH_STEMS.has(w.stem) || NOT_SPEAKER.has(w.plain))
  );
}

/** How a sentence reads in a summary. */
export interface Reading {
  standing: Standing;
  /**
   * For a sentence that leans: the id of the story sentence it needs (the one before it, captions
   * skipped), or -1 when there is none.
   */
  leansOn: number | null;
}

/** How each sentence reads, by sentence id, for the sentences of one article (in order). */
export function readings(sentences: readonly Sentence[]): Map<number, Reading> {
  const out = new Map<number, Reading>();
  let paragraph = -1;
  let open: '"' | "'" | null = null;
  let first = true;
  /** The last story sentence so far. */
  let previous = -1;
  for (const s of sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      open = null;
    }
    if (s.kind !== 'sentence') {
      out.set(s.id, { standing: 'never', leansOn: null });
      continue;
    }
    // Quotation marks are counted through glued captions too: straight quotes only pair up when
    // none is skipped, and a "caption" may be a piece of the quotation that lost its full stop.
    const startsOpen = open !== null;
    const parts = quoteParts(s.text, open);
    open = parts.open;
    if (isGluedCaption(s.text)) {
      out.set(s.id, { standing: 'never', leansOn: null });
      continue;
    }
    // The story's first sentence has nothing before it to lean on ("They may not be …" is a lead).
    const opening = first;
    first = false;
    const quotation = parts.letters > 0 && parts.quoted / parts.letters >= 0.4;
    let standing: Standing = 'alone';
    if (quotation && !namesASpeaker(parts.outside)) {
      // Inside a quotation from an earlier sentence, or quoted with no attribution: speakerless;
      // "…," he said: the speaker is in the sentence before.
      const pronounCue = /\p{L}/u.test(parts.outside) && !startsOpen;
      standing = pronounCue ? (opening ? 'alone' : 'leans') : 'never';
    } else if (!opening && (DANGLING.test(s.text) || BARE_VERB.test(s.text))) standing = 'leans';
    out.set(s.id, { standing, leansOn: standing === 'leans' ? previous : null });
    previous = s.id;
  }
  return out;
}

/** How each sentence stands, by sentence id, for the sentences of one article (in order). */
export function standings(sentences: readonly Sentence[]): Map<number, Standing> {
  return new Map([...readings(sentences)].map(([id, r]) => [id, r.standing]));
}
