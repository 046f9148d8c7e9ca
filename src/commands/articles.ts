import type { Article } from '../corpus/types.js';
import type { Library } from '../library.js';
import { normalise } from '../retrieval/terms.js';
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
