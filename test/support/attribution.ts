import { attributeArticles } from '../../src/attribution/attribute.js';
import { parseArticle } from '../../src/ingest/parse.js';

export interface Said {
  quote: string;
  speaker: string | null;
  description: string | null;
  quoted: boolean;
  excerpt: string;
}

/** Attributes the statements of one or more article texts; returns them flat, in order. */
export function attribute(...texts: string[]): Said[] {
  let next = 0;
  const parsed = texts.map((text, i) => {
    const p = parseArticle(`a${i}`, `a${i}.md`, text, 0, next);
    next += p.article.sentences.length;
    return p;
  });
  const { statements, speakers } = attributeArticles(parsed);
  return statements.map((s) => {
    const text = parsed.find((p) => p.article.id === s.article)?.article.text ?? '';
    const speaker = s.speaker === null ? null : speakers[s.speaker];
    return {
      quote: text.slice(s.quoteStart, s.quoteEnd),
      speaker: speaker?.name ?? null,
      description: speaker?.description ?? null,
      quoted: s.quoted,
      excerpt: text.slice(s.start, s.end),
    };
  });
}

/** The merged speakers of some article texts: name → aliases. */
export function speakersOf(...texts: string[]) {
  let next = 0;
  const parsed = texts.map((text, i) => {
    const p = parseArticle(`a${i}`, `a${i}.md`, text, 0, next);
    next += p.article.sentences.length;
    return p;
  });
  return attributeArticles(parsed).speakers;
}

/** The speaker of the statement whose quoted words include `quote`, in one article text. */
export function speakerOf(text: string, quote: string): string | null | undefined {
  return attribute(text).find((s) => s.quote.includes(quote))?.speaker;
}
