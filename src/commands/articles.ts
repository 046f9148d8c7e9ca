import type { Article } from '../corpus/types.js';
import type { Library } from '../library/library.js';
import { normalise } from '../nlp/terms.js';
import { notFound } from './errors.js';

/**
 * Finds the article a user means: its id, its exact title, or a unique prefix of either
 * (case and accents ignored).
 * @throws CommandError `not-found` when nothing or more than one article matches
 */
export function resolveArticle(library: Library, value: string): Article {
  const exact = library.articleById.get(value);
  if (exact) return exact;
  const wanted = normalise(value.trim());
  const byTitle = library.articles.filter(
    (a) => normalise(a.meta.title) === wanted || normalise(a.id) === wanted,
  );
  if (byTitle.length === 1) return byTitle[0] as Article;
  const prefixed = library.articles.filter(
    (a) => normalise(a.id).startsWith(wanted) || normalise(a.meta.title).startsWith(wanted),
  );
  if (prefixed.length === 1) return prefixed[0] as Article;
  if (prefixed.length > 1) {
    throw notFound(`"${value}" matches ${prefixed.length} articles; use the article id (see sources)`);
  }
  throw notFound(`no article "${value}" (see sources for the list)`);
}

/** True when `value` names exactly one article. */
export function isArticle(library: Library, value: string): boolean {
  try {
    resolveArticle(library, value);
    return true;
  } catch {
    return false;
  }
}

/** When an article is from: its `published` date, else its file time, in ms on one scale. */
function articleTime(article: Article): number {
  const published = article.meta.published ? Date.parse(article.meta.published) : Number.NaN;
  return Number.isNaN(published) ? article.mtimeMs : published;
}

/**
 * The most recent article (README: "How Citebot summarises"): by `published`, falling back to the
 * file time, compared on one scale, so an undated file added today beats an older dated one. Ties
 * go to the later file time, then the id.
 */
export function newestArticle(articles: readonly Article[]): Article | undefined {
  let best: Article | undefined;
  for (const a of articles) {
    if (!best) {
      best = a;
      continue;
    }
    const d = articleTime(a) - articleTime(best) || a.mtimeMs - best.mtimeMs;
    if (d > 0 || (d === 0 && a.id < best.id)) best = a;
  }
  return best;
}
