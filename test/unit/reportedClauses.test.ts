/**
 * Where a reported clause without quote marks begins and ends, with sentences written for the test:
 * a subject with an apposition before its verb, a subject pronoun after a verb that usually takes
 * a noun, and a subordinator left between two attributions.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('reported clauses', () => {
  it('finds the clause when its subject carries a long apposition before the verb', () => {
    expect(
      pairs(
        'Police said the skipper, a 52-year-old fisherman from a village near the harbour, was rescued at dawn.',
      ),
    ).toEqual([
      ['the skipper, a 52-year-old fisherman from a village near the harbour, was rescued at dawn', 'Police'],
    ]);
  });

  it('reads a subject pronoun after "announced" as the start of the reported clause', () => {
    expect(pairs('Coach Rita Alvarez announced she will step down after the final in June.')).toEqual([
      ['she will step down after the final in June', 'Rita Alvarez'],
    ]);
  });

  it('still needs "that" or a pronoun subject before a noun after such a verb', () => {
    expect(pairs('Coach Rita Alvarez announced a new training plan for the spring season.')).toEqual([]);
  });

  it('leaves "while" to the second attribution of a sentence', () => {
    expect(
      pairs(
        'Farmers say the new tariff will hurt their exports, while millers argue it will protect local jobs.',
      ),
    ).toEqual([
      ['the new tariff will hurt their exports', 'Farmers'],
      ['it will protect local jobs', 'millers'],
    ]);
  });
});

describe('what is not a reported clause', () => {
  it('takes no quantity with an infinitive after "added" for a clause', () => {
    expect(pairs('The share index added 0.4 per cent to close at 7,210 points on Friday.')).toEqual([]);
  });

  it('takes no object coordinated with another verb of the speaker for a clause', () => {
    expect(pairs('Skipper Nora Vik noted the change in the wind and turned the boat for home.')).toEqual([]);
    expect(pairs('Coach Rita Alvarez claimed the title in 2012 and kept it for a decade.')).toEqual([]);
  });

  it('takes nothing said inside a condition', () => {
    expect(pairs('If Rita Alvarez says the deal is dead, the shares will fall.')).toEqual([]);
    expect(pairs('The shares will fall if Rita Alvarez says the deal is dead.')).toEqual([]);
  });

  it('takes a request not to do something said to a pronoun object', () => {
    expect(pairs('The ferry crews warned him not to sail before the storm had passed.')).toEqual([
      ['not to sail before the storm had passed', 'ferry crews'],
    ]);
  });
});

describe('a participle is no clause verb', () => {
  it('takes no object followed by ", leading to …" for a reported clause', () => {
    expect(pairs('The council declared war on the rats, leading to a long and costly campaign.')).toEqual([]);
  });
});

describe('quotation marks inside a reported clause', () => {
  it('keeps the closing mark of a quotation that ends the clause', () => {
    expect(pairs('The team won again. Guard Tavi Rhee said the team was “locked in.”')).toEqual([
      ['the team was “locked in.”', 'Tavi Rhee'],
    ]);
  });
});

describe('a clause without "that" after a setting phrase', () => {
  it('opens with a subject pronoun after "said in a statement"', () => {
    expect(pairs('The depot closed. Manager Tavi Rhee said in a statement she would not reopen it.')).toEqual(
      [['she would not reopen it', 'Tavi Rhee']],
    );
    expect(pairs('The depot closed. Tavi Rhee wrote in both letters he was proud of the crews.')).toEqual([
      ['he was proud of the crews', 'Tavi Rhee'],
    ]);
  });
});

describe('a condition opening the reported clause without a comma', () => {
  it('reads "said if …, it would …" when a pronoun and a modal open the main clause', () => {
    expect(
      pairs('Mara Voss said if the board named her its chair it would be "a fresh start for the port."'),
    ).toEqual([['if the board named her its chair it would be "a fresh start for the port."', 'Mara Voss']]);
  });

  it('leaves "said if asked" alone: a circumstance of the saying, no main clause', () => {
    expect(pairs('Mara Voss said if asked.')).toEqual([]);
  });
});

describe('a participle phrase after the setting', () => {
  it('steps over "in an interview taped before the vote" to the clause after "that"', () => {
    expect(
      pairs(
        'Mara Voss said in a radio interview taped before the vote that the port had "contained" its costs.',
      ),
    ).toEqual([['the port had "contained" its costs', 'Mara Voss']]);
  });
});

describe('words the tagger misreads next to the cue or in the clause', () => {
  it('takes a verb in -s read as a plural noun for the clause verb ("each year … yields a …")', () => {
    expect(
      pairs('Ruth Okafor runs the survey. Okafor said each year of training yields a 10% rise in wages.'),
    ).toEqual([['each year of training yields a 10% rise in wages', 'Ruth Okafor']]);
  });

  it('takes a surname read as an adverb right before the cue for the speaker ("Jolly said …")', () => {
    expect(
      pairs(
        'Rep. Dan Jolly is running for the seat. Jolly said he would be cautious about cutting the budget. “It will be hard,” Jolly said.',
      ),
    ).toEqual([
      ['he would be cautious about cutting the budget', 'Dan Jolly'],
      ['It will be hard,', 'Dan Jolly'],
    ]);
  });
});

describe('clause openings and verbs the tagger misreads', () => {
  it('takes a past form read as a noun after the subject for the clause verb ("the old bridge deserved better care")', () => {
    expect(pairs('Ada Quinn said the old bridge deserved better care.')).toEqual([
      ['the old bridge deserved better care', 'Ada Quinn'],
    ]);
  });

  it('lets an estimate or a hyphenated word open the clause ("said about half of …", "said down-ballot …")', () => {
    expect(pairs('The planning office said about half of the new homes were already sold.')).toEqual([
      ['about half of the new homes were already sold', 'planning office'],
    ]);
    expect(pairs('Ada Quinn said down-ballot contests would decide the council.')).toEqual([
      ['down-ballot contests would decide the council', 'Ada Quinn'],
    ]);
  });
});

describe('speakers the tagger misreads before the cue', () => {
  it('reads "said" tagged as an adjective after a surname read as a verb ("Ivan Read said …")', () => {
    expect(
      pairs('Acme chief executive Ivan Read said company leaders had weighed the political debate.'),
    ).toEqual([['company leaders had weighed the political debate', 'Ivan Read']]);
  });

  it('steps over an emphatic pronoun between the speaker and the cue ("Ford itself said …")', () => {
    expect(pairs('Ford itself said the merger would go ahead.').map(([quote]) => quote)).toEqual([
      'the merger would go ahead',
    ]);
  });

  it('takes an adjective after a determiner right before the cue for the head ("The Democratic incumbent said …")', () => {
    expect(pairs('The Democratic incumbent said that the budget was sound.')).toEqual([
      ['the budget was sound', 'Democratic incumbent'],
    ]);
  });
});

describe('more reported clauses after the cue', () => {
  it('steps over a setting naming an agency before "that" ("with The Associated Weekly")', () => {
    expect(
      pairs(
        'Ada Quinn said in a long interview with The Associated Weekly on Friday that she would not run.',
      ),
    ).toEqual([['she would not run', 'Ada Quinn']]);
  });
});

describe('"it" and embedded attributions in a reported clause', () => {
  it('takes "announced it would …" as a clause, but not "announced it on Friday"', () => {
    expect(pairs('The airline announced it would cut forty routes next year.')).toEqual([
      ['it would cut forty routes next year', 'airline'],
    ]);
    expect(pairs('The airline announced it on Friday in a short note to staff.')).toEqual([]);
  });

  it('keeps a verb of speech inside the reported clause ("reported that during the storm, X warned …")', () => {
    expect(
      pairs('Local papers reported that during the storm, the mayor warned people to stay home.'),
    ).toEqual([['during the storm, the mayor warned people to stay home', 'Local papers']]);
  });
});

describe('a platform between the cue and the words', () => {
  it('steps over "on Facebook:" and "on CNN that"', () => {
    expect(pairs('Ada Quinn wrote on Facebook: We will be back next year, stronger than ever.')).toEqual([
      ['We will be back next year, stronger than ever', 'Ada Quinn'],
    ]);
    expect(pairs('Ada Quinn said on CNN that the plan would fail.')).toEqual([
      ['the plan would fail', 'Ada Quinn'],
    ]);
  });
});

describe('a clause opening with a compound noun read as a verb', () => {
  it('reads "said wait times had doubled" as a reported clause', () => {
    expect(pairs('The provincial audit said wait times at the clinic had doubled since 2019.')).toEqual([
      ['wait times at the clinic had doubled since 2019', 'provincial audit'],
    ]);
  });
});
