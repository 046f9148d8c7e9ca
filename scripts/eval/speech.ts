/**
 * Which PolNeAR attributions are speech: the cue is a verb of saying. PolNeAR also annotates
 * beliefs, intentions and perceptions ("thinks", "wants", "figures"), which Citebot does not
 * attribute. The list is a general one for news reporting, not drawn from particular articles:
 * verbs of saying, writing and answering, plus "according to" (a preposition, but the commonest
 * news cue that is not a verb). Naming and judging verbs ("call", "describe", "accuse", "blast")
 * are left out: their content is usually a label, not something said.
 */
import type { PolnearAttribution } from './data.js';
import { wordCount } from './match.js';

// biome-ignore format: a word list reads best packed
const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'add', 'ask', 'explain', 'write', 'state', 'announce', 'claim', 'argue', 'insist',
  'note', 'warn', 'reply', 'respond', 'answer', 'declare', 'continue', 'tweet', 'conclude',
  'acknowledge', 'admit', 'concede', 'recall', 'remark', 'suggest', 'promise', 'pledge', 'vow',
  'assure', 'urge', 'joke', 'quip', 'shout', 'yell', 'chant', 'scream', 'exclaim', 'whisper',
  'complain', 'lament', 'boast', 'brag', 'predict', 'assert', 'emphasize', 'emphasise', 'stress',
  'comment', 'confirm', 'deny', 'testify', 'report', 'mention', 'observe', 'point', 'retort',
  'speak', 'talk', 'maintain', 'contend', 'allege', 'caution', 'repeat', 'reiterate',
  'demand', 'proclaim', 'advise', 'inform', 'email', 'according',
]);

const IRREGULAR: Record<string, string> = {
  said: 'say',
  told: 'tell',
  wrote: 'write',
  written: 'write',
  spoke: 'speak',
  spoken: 'speak',
};

/** Possible lemmas of an inflected verb form ("noted" → note, "admitted" → admit, "replies" → reply). */
function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  const out = [w, IRREGULAR[w] ?? ''];
  for (const [suffix, ...ends] of [
    ['ies', 'y'],
    ['ied', 'y'],
    ['es', ''],
    ['s', ''],
    ['ed', '', 'e'],
    ['ing', '', 'e'],
  ] as const) {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 2) continue;
    const stem = w.slice(0, -suffix.length);
    for (const end of ends) out.push(stem + end);
    // "admitted", "admitting": a doubled final consonant.
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}

/** Quoted speech: a speech cue and content in quote marks of at least this many words. */
export const SPEECH_MIN_WORDS = 4;

/** Speech as this evaluation counts it: a speech cue, quote marks, enough words. */
export function isQuotedSpeech(at: PolnearAttribution, minWords = SPEECH_MIN_WORDS): boolean {
  return Boolean(
    at.has_quote_marks &&
      at.cue &&
      isSpeechCue(at.cue.text) &&
      at.content &&
      wordCount(at.content.text) >= minWords,
  );
}

/** Reported speech: a speech cue and content without quote marks of at least this many words. */
export function isReportedSpeech(at: PolnearAttribution, minWords = SPEECH_MIN_WORDS): boolean {
  return Boolean(
    !at.has_quote_marks &&
      at.cue &&
      isSpeechCue(at.cue.text) &&
      at.content &&
      wordCount(at.content.text) >= minWords,
  );
}

/** True when the cue ("said", "told reporters", "according to", "went on to say") has a speech word. */
export function isSpeechCue(cue: string): boolean {
  return cue
    .split(/[^\p{L}’']+/u)
    .some((word) => word !== '' && lemmaCandidates(word).some((l) => SPEECH_LEMMAS.has(l)));
}
