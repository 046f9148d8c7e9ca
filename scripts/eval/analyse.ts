/** Runs Citebot's attribution on one evaluation article, as the library would. */
import { attributeArticle, mergeAttributions } from '../../src/attribution/attribute.js';
import type { SpeakerEntity } from '../../src/attribution/types.js';
import { parseArticle } from '../../src/ingest/parse.js';

/** A predicted statement with its speaker: offsets of the attributed words into the article text. */
export interface Predicted {
  start: number;
  end: number;
  quoted: boolean;
  cue: string | null;
  speaker: SpeakerEntity | null;
  /** The speaker as written ("he", "the company", "Roe"), or null for a continuation. */
  mention: string | null;
}

/** The statements Citebot finds in one article (text as given, no front matter). */
export function predictStatements(id: string, text: string): Predicted[] {
  const parsed = parseArticle(id, `${id}.txt`, text, 0);
  const attribution = attributeArticle(parsed);
  const { statements, speakers } = mergeAttributions([{ article: parsed.article, attribution }]);
  return statements.map((s, i) => ({
    start: s.quoteStart,
    end: s.quoteEnd,
    quoted: s.quoted,
    cue: s.cue,
    speaker: s.speaker === null ? null : (speakers[s.speaker] ?? null),
    mention: attribution.statements[i]?.continued ? null : s.mention,
  }));
}
