/**
 * A passive cue's subject is the one spoken to: the speaker is the agent after "by", and without
 * one nothing is attributed to the subject. Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('passive cues', () => {
  it('gives the words to the agent after "by"', () => {
    expect(pairs('Nurse Ella Brandt has been told by her doctors that the ward will close in May.')).toEqual([
      ['the ward will close in May', 'her doctors'],
    ]);
  });

  it('attributes nothing to the one who was told when no agent is given', () => {
    expect(pairs('Ella Brandt was told that the ward would close in May.')).toEqual([]);
    expect(pairs('The ward will close in May, Ella Brandt was told.')).toEqual([]);
  });

  it('keeps "was quoted as saying" with the subject as the speaker', () => {
    expect(pairs('Ella Brandt was quoted as saying the ward would close in May.')).toEqual([
      ['the ward would close in May', 'Ella Brandt'],
    ]);
  });
});
