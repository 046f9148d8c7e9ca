/** What every attribution rule may know about the sentence it reads. */
import type { Token } from '../../nlp/pipeline.js';
import type { Mention } from '../mentions.js';

export interface SentenceContext {
  tokens: readonly Token[];
  /** The whole article file: token offsets point into it. */
  text: string;
  /** Index of the sentence in the article. */
  index: number;
  /** True when the character at `at` is inside quotation marks. */
  inQuote: (at: number) => boolean;
  /** The sentence's grammatical subject, when it can speak. */
  subject: Mention | null;
  /** Who already speaks in this sentence (a statement found before), else null. */
  speaker: Mention | null;
}

/** Words a rule attributes, with who said them and the cue. */
export interface Found {
  mention: Mention;
  cue: Token;
  start: number;
  end: number;
}
