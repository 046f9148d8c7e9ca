/**
 * Two people joined by "and" are a pair, not one person; a description that tells no gender is not
 * given to one of several people met in passing; a name the article writes as a place is never a
 * he or she. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { placeEvidence } from '../../src/attribution/placeEvidence.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { speakerOf } from '../support/attribution.js';

const tokensOf = (text: string) =>
  parseArticle('t', 't.md', `A heading line\n\n${text}\n`, 0).analyses.map((a) => a.tokens);

describe('names joined by "and"', () => {
  it('a statement made by two people is theirs, not the second one’s alone', () => {
    const text =
      'Ana Ruiz and Tom Lee said in a joint letter that the merger "will create jobs in every town."';
    expect(speakerOf(text, 'create jobs')).toBe('Ana Ruiz and Tom Lee');
  });

  it('a pair is no antecedent for a later description of one person', () => {
    const text =
      'Ana Ruiz and Tom Lee met donors on Sunday.\n\n' +
      'The senator sent a message on Friday, saying: “We have to be ready to stop him before the primary.”';
    expect(speakerOf(text, 'ready to stop him')).not.toBe('Tom Lee');
    expect(speakerOf(text, 'ready to stop him')).not.toBe('Ana Ruiz');
  });
});

describe('names the article writes as places', () => {
  it('reads a name after a preposition of place, or before a comma and a country', () => {
    const places = placeEvidence(
      tokensOf('The rally in Vellmar Heights drew crowds. Voters came from Ostrand, Canada.'),
    );
    expect(places.has('vellmar heights')).toBe(true);
    expect(places.has('ostrand')).toBe(true);
  });

  it('leaves out possessors and names after other prepositions', () => {
    const places = placeEvidence(tokensOf("The talks in Ruiz's office ended. She spoke with Tom Lee."));
    expect(places.has('ruiz')).toBe(false);
    expect(places.has('tom lee')).toBe(false);
  });

  it('a she is not resolved to a place the article names', () => {
    const text =
      'The campaign held its rally in Vellmar Heights on Monday.\n\n' +
      '“We will win this county by a wide margin,” she said.';
    expect(speakerOf(text, 'win this county')).not.toBe('Vellmar Heights');
  });

  it('a person named after "in" with a first name is still a person', () => {
    const text =
      'Voters put their faith in Linda Park last spring.\n\n' +
      'Park spoke on Tuesday. “The budget is balanced for the first time in years,” she said.';
    expect(speakerOf(text, 'budget is balanced')).toBe('Linda Park');
  });
});
