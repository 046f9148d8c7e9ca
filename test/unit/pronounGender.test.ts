/**
 * A he or she whose antecedent is a person a sentence only introduces: of the people the sentence
 * names, one whose first name or title agrees in gender comes before one whose gender is unknown,
 * however near. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../support/attribution.js';

describe('people a sentence introduces, for a pronoun', () => {
  it('"she" is the woman introduced, not a man named later whose gender is unknown', () => {
    const text =
      'The count ended late on Friday.\n\n' +
      'The party backed county chairwoman Nancy Okafor on Monday in a bid to stop Quillon Marsh.\n\n' +
      '“We need to finish this race and turn to the autumn,” she said.';
    expect(speakerOf(text, 'finish this race')).toBe('Nancy Okafor');
  });

  it('a person of unknown gender is still taken when nobody agrees for sure', () => {
    const text =
      'The count ended late on Friday.\n\n' +
      'The delegates met Quillon Marsh in the lobby.\n\n' +
      '“We need to finish this race and turn to the autumn,” he said.';
    expect(speakerOf(text, 'finish this race')).toBe('Quillon Marsh');
  });
});
