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
        'The mayor praised Tom Reyes, who has firmly vowed not to sell the depot land before next spring.',
      ),
    ).toEqual([['not to sell the depot land before next spring', 'Tom Reyes']]);
  });
});

describe('cues whose object is a topic', () => {
  it('takes the quoted topic after "talked about"', () => {
    expect(
      pairs(
        'Later Ada Quinn talked about keeping the "promise we made to the harbour crews" and her plan "to open every depot again."',
      ),
    ).toEqual([
      [
        'keeping the "promise we made to the harbour crews" and her plan "to open every depot again."',
        'Ada Quinn',
      ],
    ]);
  });

  it('takes the quoted topic after "has boasted of"', () => {
    expect(pairs('Tom Reyes has boasted of his plan to pay "every last cent" for the new ferry.')).toEqual([
      ['his plan to pay "every last cent" for the new ferry', 'Tom Reyes'],
    ]);
  });

  it('finds the speaker before an aspect verb ("keeps talking about")', () => {
    expect(
      pairs('Ada Quinn keeps talking about the "quiet power of small towns" and how the port wants to grow.'),
    ).toEqual([['the "quiet power of small towns" and how the port wants to grow', 'Ada Quinn']]);
  });

  it('ends the topic at a new clause after a comma', () => {
    expect(
      pairs(
        'Tom Reyes warned against the "wild hopes" of a quick rescue plan, but had a darker view of the port.',
      ),
    ).toEqual([['the "wild hopes" of a quick rescue plan', 'Tom Reyes']]);
  });

  it('takes a topic with quoted words only', () => {
    expect(
      pairs(
        'Tom Reyes talked about the weather and the tides for an hour. Then he talked about the "long winter" that the crews had lived through.',
      ),
    ).toEqual([['the "long winter" that the crews had lived through', 'Tom Reyes']]);
  });
});

describe('indirect questions that quote the asker', () => {
  it('takes "asked Y how …" with the asker as speaker', () => {
    expect(
      pairs('Ada Quinn asked Tom Reyes how he would pay for the new ferry without raising "harbour fees."'),
    ).toEqual([['how he would pay for the new ferry without raising "harbour fees."', 'Ada Quinn']]);
  });

  it('takes the agent of "was asked by X whether …" as speaker', () => {
    expect(
      pairs(
        'Reyes was asked by the host Ada Quinn whether his plan would risk "another costly bailout for the port."',
      ),
    ).toEqual([['whether his plan would risk "another costly bailout for the port."', 'Ada Quinn']]);
  });

  it('takes "asked Y about" a quoted topic', () => {
    expect(
      pairs(
        'Ada Quinn asked the mayor about the "two thousand" jobs lost at the port and about cuts to come.',
      ),
    ).toEqual([['the "two thousand" jobs lost at the port and about cuts to come', 'Ada Quinn']]);
  });

  it('takes a question with quoted words only', () => {
    expect(
      pairs(
        'Ada Quinn asked Tom Reyes how he would pay for the new ferry. She asked him whether the fares would stay "fair for families."',
      ),
    ).toEqual([['whether the fares would stay "fair for families."', 'Ada Quinn']]);
  });
});

describe('cues that take an object', () => {
  it('reads "made the point that …" as a cue', () => {
    expect(
      pairs('Tom Reyes also made the point that the plan would make the port "a ghost town" within a year.'),
    ).toEqual([['the plan would make the port "a ghost town" within a year', 'Tom Reyes']]);
  });

  it('steps over "here" after the one told', () => {
    expect(
      pairs('Tom Reyes told voters here that their ballots could win "a fight in the capital."'),
    ).toEqual([['their ballots could win "a fight in the capital."', 'Tom Reyes']]);
  });

  it('steps over a programme title quoted after a possessive', () => {
    expect(
      pairs(
        'Tom Reyes spoke on Monday. He told CBC’s “Morning Report” that he thinks the ferry plan is a “total fraud” on voters.',
      ),
    ).toEqual([['he thinks the ferry plan is a “total fraud” on voters', 'Tom Reyes']]);
  });
});

describe('a relative clause set off after the subject, then the cue', () => {
  it('reads "X, who …, said the …" as X saying a clause, not as an inverted speaker after the cue', () => {
    expect(
      pairs('The harbour master, who took over the port in May, said the new pier would open in spring.'),
    ).toEqual([['the new pier would open in spring', expect.stringContaining('harbour master')]]);
    expect(
      pairs(
        'Ina Berg, who ran the ferry line for a decade before it was sold, said the timetable will change.',
      ),
    ).toEqual([['the timetable will change', 'Ina Berg']]);
  });

  it('still reads an inverted speaker with a time phrase after the cue', () => {
    expect(pairs('The pier is finished, said the harbour master on Tuesday.')).toEqual([
      ['The pier is finished', expect.stringContaining('harbour master')],
    ]);
  });
});
