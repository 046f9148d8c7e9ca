/** Reading the shared evaluation files (never copied into the project) and their record shapes. */
import { readFileSync } from 'node:fs';

/** One JSON value per line. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** A Gender Gap Tracker quote: offsets into the article text, quote marks excluded. */
export interface GgtQuote {
  quote: string;
  start: number;
  end: number;
  speaker: string;
  speaker_start: number | null;
  speaker_end: number | null;
  verb: string;
  /** The resolved speaker ("she" → "Darian Lonechild"). */
  reference: string;
  has_quote_marks: boolean;
}

export interface GgtArticle {
  id: string;
  text: string;
  people: string[];
  quotes: GgtQuote[];
}

/** A PolNeAR attribution part: its text and its (possibly several) spans. */
export interface PolnearPart {
  text: string;
  spans: [number, number][];
}

export interface PolnearAttribution {
  /** The mention as written ("he"), not resolved. */
  source: PolnearPart | null;
  cue: PolnearPart | null;
  content: PolnearPart | null;
  has_quote_marks: boolean;
}

export interface PolnearArticle {
  id: string;
  text: string;
  attributions: PolnearAttribution[];
}
