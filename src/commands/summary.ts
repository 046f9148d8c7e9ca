import { summariseArticle, summariseTopic } from '../summary/select.js';
import { newestArticle, resolveArticle } from './articles.js';
import type { Command } from './command.js';
import { specOf } from './definitions.js';
import { sentenceExcerpt } from './results.js';

const { defaults } = specOf('summary');

/**
 * `summary [article] [sentences] [focus]`: the sentences that best cover the article (the newest
 * when none is named), in article order; with `focus`, what it says about that topic; with only
 * `focus`, what all the articles say about it.
 */
export const summary: Command<'summary'> = {
  name: 'summary',
  run(library, options) {
    const count = options.sentences ?? defaults.sentences;
    const focus = options.focus;
    const cite = (ids: { id: number }[]) =>
      ids.map((s, i) => {
        const sentence = library.sentences[s.id];
        if (!sentence) throw new Error(`no sentence ${s.id}`);
        return sentenceExcerpt(library.article(sentence.article), sentence, ids.length - i);
      });
    if (options.article === undefined && focus !== undefined) {
      const chosen = summariseTopic(library, focus, count);
      const articles = new Set(chosen.map((s) => s.article)).size;
      return {
        results: cite(chosen),
        notice:
          chosen.length > 0
            ? `What ${articles === 1 ? 'one article says' : `${articles} articles say`} about “${focus}”.`
            : `Nothing in these articles is about “${focus}”.`,
      };
    }
    const article =
      options.article !== undefined
        ? resolveArticle(library, options.article)
        : newestArticle(library.articles);
    if (!article) return { results: [], notice: 'No articles are loaded, so there is nothing to summarise.' };
    const chosen = summariseArticle(library, article, count, focus);
    const which = options.article === undefined ? 'Summary of the most recent article' : 'Summary of';
    const date = article.meta.published ? `, ${article.meta.published}` : '';
    const about = focus ? ` about “${focus}”` : '';
    return {
      results: cite(chosen),
      notice:
        focus && chosen.length === 0
          ? `Nothing in “${article.meta.title}” is about “${focus}”.`
          : `${which}: “${article.meta.title}” (${article.id}${date})${about}.`,
    };
  },
};
