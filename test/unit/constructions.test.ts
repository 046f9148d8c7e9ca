/**
 * Attribution constructions found in unseen news, each with sentences written for the test.
 * Grouped by what goes wrong without the rule: the speech is missed, or the speaker is wrong.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('speaker phrases', () => {
  it('a surname the tagger reads as a common noun, opening the sentence, is the named person', () => {
    expect(pairs('Linda Park chairs the board. Park said she expected the vote to pass.')).toEqual([
      ['she expected the vote to pass', 'Linda Park'],
    ]);
  });

  it('a relative clause after a time phrase belongs to the name before it', () => {
    expect(
      pairs('The remarks echo Anna Berg this week, who said that the city could not afford the bridge.'),
    ).toEqual([['the city could not afford the bridge', 'Anna Berg']]);
  });

  it('an aspect verb before the cue keeps the subject as speaker; "declined to say" is no speech', () => {
    expect(
      pairs(
        'Omar Haddad continues to argue that the tax is unfair. Haddad went on to say the plan had failed. Haddad declined to say whether he would resign.',
      ),
    ).toEqual([
      ['the tax is unfair', 'Omar Haddad'],
      ['the plan had failed', 'Omar Haddad'],
    ]);
  });

  it('takes the first name after a title as a full name, so a lone surname finds it', () => {
    const said = attribute(
      'Mayor Tavita Faleolo opened the market. Faleolo said that the stalls would stay open all winter.',
    );
    expect(said.map((s) => s.speaker)).toEqual(['Tavita Faleolo']);
  });
});

describe('reported clauses', () => {
  it('a clause carried by a quoted word, after a subject pronoun, is reported speech', () => {
    expect(pairs('Council leader Maria Ostrowski said Monday she “welcomed” the decision.')).toEqual([
      ['she “welcomed” the decision', 'Maria Ostrowski'],
    ]);
  });
});
