/**
 * Who a speaker phrase stands for: nouns that cannot speak, pronouns and descriptions resolved
 * to the entity the article names. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { cannotSpeak, mentionHead } from '../../src/attribution/speakingHeads.js';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('nouns that cannot speak', () => {
  it('finds the head noun of an unnamed phrase, through a partitive "of"', () => {
    expect(mentionHead('the new coach of the home team')).toBe('coach');
    expect(mentionHead('half of the residents')).toBe('residents');
    expect(mentionHead('a spokesperson, who asked not to be named')).toBe('spokesperson');
    expect(mentionHead('Anna Berg')).toBeNull();
  });

  it('tells a noun that does not speak from people, bodies and documents', () => {
    expect(cannotSpeak('game')).toBe(true);
    expect(cannotSpeak('response')).toBe(true);
    for (const word of ['coach', 'residents', 'council', 'analysis', 'report', 'country', 'some'])
      expect(cannotSpeak(word)).toBe(false);
    // A noun GUM has not seen is given the benefit of the doubt.
    expect(cannotSpeak('zorblatt')).toBe(false);
  });

  it('a quotation whose cue follows a noun that cannot speak has no speaker, not that noun', () => {
    expect(pairs('“The bridge will reopen,” the game said.')).toEqual([['The bridge will reopen,', null]]);
    expect(pairs('“The bridge will reopen,” the council said.')).toEqual([
      ['The bridge will reopen,', 'council'],
    ]);
    expect(pairs('“Prices rose in every region,” the analysis said.')).toEqual([
      ['Prices rose in every region,', 'analysis'],
    ]);
  });
});
