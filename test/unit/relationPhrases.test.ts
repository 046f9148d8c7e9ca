/**
 * Speakers written as a phrase around a name: someone known by a tie to a named person ("the
 * mother of …", "a friend of …") is that relative or friend, never the person named after "of";
 * a named owner's document ("Acme's statement", "Acme's letter to workers") is the owner's.
 * Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const speakers = (text: string) => attribute(text).map((s) => s.speaker);

describe('relation phrases', () => {
  it('gives the words of "a friend of <full name>" to the friend', () => {
    expect(speakers('A friend of Dara Whitlow said the bakery had been struggling for months.')).toEqual([
      'friend of Dara Whitlow',
    ]);
  });

  it('does not resolve "the mother of <surname>" to the person introduced earlier', () => {
    const said = speakers('Tom Hill was hurt in the fire. The mother of Hill said the alarm was broken.');
    expect(said).toEqual(['mother of Hill']);
  });

  it('still reads a title with "of" before a full name as that person', () => {
    expect(speakers('Minister of Fisheries Dara Whitlow said the quota would be cut.')).toEqual([
      'Dara Whitlow',
    ]);
  });
});

describe('documents and their owners', () => {
  it('gives "<Name>\'s statement said" to the named owner', () => {
    expect(
      speakers('The yard closed on Friday. Kestrel Marine’s statement said the yard would not reopen.'),
    ).toEqual(['Kestrel Marine']);
  });

  it('gives "<owner>\'s letter to workers said" to the owner, not to the workers', () => {
    expect(
      speakers(
        'The yard closed on Friday. Kestrel Marine’s letter to workers said the yard would not reopen.',
      ),
    ).toEqual(['Kestrel Marine']);
  });
});
