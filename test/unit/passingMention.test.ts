/**
 * A he or she whose only nearby candidates are people named in passing, none of known gender:
 * one such person is the speaker, several cannot be told apart. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../support/attribution.js';

describe('people introduced in passing', () => {
  it('of unknown gender, two or more: a written he or she is given no speaker', () => {
    const text =
      'The exhibition opened on Monday in a hall lent by Kessler Varno, with paintings from Ostrander Quill.\n\n“We have waited years for this moment,” she said.';
    expect(speakerOf(text, 'waited years')).toBeNull();
  });

  it('of unknown gender, one alone: still the antecedent', () => {
    const text =
      'The exhibition opened on Monday in a hall lent by Kessler Varno.\n\n“We have waited years for this moment,” she said.';
    expect(speakerOf(text, 'waited years')).toBe('Kessler Varno');
  });

  it('one whose gender the first name tells is taken before the others', () => {
    const text =
      'The exhibition opened on Monday in a hall lent by Kessler Varno, with paintings from Maria Quill.\n\n“We have waited years for this moment,” she said.';
    expect(speakerOf(text, 'waited years')).toBe('Maria Quill');
  });
});
