/**
 * Cues in relative clauses and related constructions, each with sentences written for the test:
 * the relative pronoun's antecedent speaks ("X, who added that …"), documents after "which",
 * negated commitments, and a relative clause that ends before the main clause's verb.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('relative pronoun sources', () => {
  it('gives ", who added that …" after a described source to that source', () => {
    const said = attribute(
      '"The ferries are a mess," said one official familiar with the plan, who added that the harbour board seemed "worried" by the rising costs.',
    );
    expect(said.map((s) => [s.quote, s.speaker])).toContainEqual([
      'the harbour board seemed "worried" by the rising costs',
      expect.stringContaining('official'),
    ]);
  });

  it('reads a word in -s after "which" as the cue of a document', () => {
    expect(
      pairs(
        'The mayor cited the audit office report, which notes that nearly half of the city ferries have not been inspected in years.',
      ),
    ).toEqual([['nearly half of the city ferries have not been inspected in years', expect.any(String)]]);
  });

  it('takes a quotation after ", which notes," with the document as its source', () => {
    const said = attribute(
      'The mayor cited the audit office report, which notes, “Nearly half of the city ferries have not been inspected in the last five years.”',
    );
    expect(said.map((s) => s.quote)).toEqual([
      'Nearly half of the city ferries have not been inspected in the last five years.',
    ]);
  });

  it('ends the reported clause of a relative cue at the comma before the main verb', () => {
    expect(
      pairs(
        'Tom Reyes, who estimates that his repair bills reached several thousand dollars, described the damage at length.',
      ),
    ).toEqual([['his repair bills reached several thousand dollars', 'Tom Reyes']]);
  });
});

describe('commitments', () => {
  it('takes a negated infinitive after a commitment verb', () => {
    expect(
      pairs(
        'The mayor praised Tom Reyes, who has publicly vowed not to sell the depot land before the end of the year.',
      ),
    ).toEqual([['not to sell the depot land before the end of the year', 'Tom Reyes']]);
  });
});
