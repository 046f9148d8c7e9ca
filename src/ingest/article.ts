/** One article analysed on its own: what a library is assembled from. */
import { type ArticleAttribution, attributeArticle } from '../attribution/attribute.js';
import type { ParsedArticle } from '../corpus/load.js';
import type { Article } from '../corpus/types.js';

/** One analysed article, independent of the others: sentence ids start at 0. */
export interface IngestedArticle {
  article: Article;
  attribution: ArticleAttribution;
}

/** Analyses one parsed article; its tokens can be dropped afterwards. */
export function ingestArticle(parsed: ParsedArticle): IngestedArticle {
  return { article: parsed.article, attribution: attributeArticle(parsed) };
}
