/** Attributed statements and the speakers they belong to. */

/** Who a statement belongs to, after name variants are merged. */
export interface SpeakerEntity {
  id: number;
  /** The best-supported full form, e.g. "Jan Kowalczyk". */
  name: string;
  /** Every other spelling seen, e.g. "Kowalczik", "Kowalcyk". */
  aliases: string[];
  /** The title or role given for them, e.g. "US Defense Secretary". */
  description: string | null;
  kind: 'person' | 'organisation' | 'group';
  /** Statement ids, in corpus order. */
  statements: number[];
}

/** Where a statement is and how it was said: shared by every stage of attribution. */
export interface StatementSpan {
  /** The first and last sentence of the excerpt (indexes in the article, or global ids). */
  firstSentence: number;
  lastSentence: number;
  /** The attributed words without quotation marks (for reported speech, the reported clause). */
  quoteStart: number;
  quoteEnd: number;
  /** True when the words were in quotation marks. */
  quoted: boolean;
  /** The cue verb as written ("said", "told"), if any. */
  cue: string | null;
}

/** Something someone said, as the article reports it (sentence numbers are global ids). */
export interface Statement extends StatementSpan {
  id: number;
  article: string;
  /** The cited excerpt: whole sentence(s), offsets into the article file. */
  start: number;
  end: number;
  /** The speaker as written here ("he", "Kowalczik", "a senior union official"). */
  mention: string;
  /** Index into the library's speakers, or null when the speaker is unknown. */
  speaker: number | null;
}
