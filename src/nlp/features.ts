import { Features } from './featureFlags.js';
import { NOT_NAME_WORDS, REPORT_VERBS, ROLE_WORDS } from './lexicon.js';
import type { Token } from './pipeline.js';

export { Features };

/** True for a capitalised proper-noun token that can be part of a name (not "Wednesday"). */
export function isNameToken(t: Token): boolean {
  return (
    t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !NOT_NAME_WORDS.has(t.normal) && /\p{Ll}/u.test(t.text)
  );
}

/**
 * What a sentence mentions, as {@link Features} bits: a person (a two-word name, a title before a
 * name, or a name before a speech verb), a date, a number, money, a percentage, a quotation.
 */
export function sentenceFeatures(tokens: Token[]): number {
  let flags = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.entity) {
      case 'DATE':
      case 'TIME':
      case 'DURATION':
        flags |= Features.date;
        break;
      case 'MONEY':
        flags |= Features.money | Features.number;
        break;
      case 'PERCENT':
        flags |= Features.percent | Features.number;
        break;
      case 'CARDINAL':
      case 'ORDINAL':
        flags |= Features.number;
        break;
    }
    if (t.pos === 'NUM') flags |= Features.number;
    if (/["“”„«»]/.test(t.text)) flags |= Features.quote;
    if (isNameToken(t)) {
      const next = tokens[i + 1];
      const previous = tokens[i - 1];
      if (
        (next && isNameToken(next)) ||
        (previous && ROLE_WORDS.has(previous.normal)) ||
        (next && next.pos === 'VERB' && REPORT_VERBS.has(next.lemma))
      ) {
        flags |= Features.person;
      }
    }
    if (t.pos === 'PROPN' && WEEKDAY_OR_MONTH.test(t.text)) flags |= Features.date;
  }
  return flags;
}

const WEEKDAY_OR_MONTH =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/;
