import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/attribution/quoteSpans.js';
import { attribute, speakersOf } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('quotation marks', () => {
  const spans = (text: string) =>
    findQuoteSpans(text, [{ start: 0, end: text.length }], [0]).map((q) => text.slice(q.start, q.end));

  it('pairs curly and straight marks', () => {
    expect(spans('“One two,” he said. "Three four."')).toEqual(['One two,', 'Three four.']);
  });
  it('runs an unclosed quote to the end of its paragraph', () => {
    expect(spans('He said: “We will fight on. And we will win.')).toEqual([
      'We will fight on. And we will win.',
    ]);
  });
  it('starts a quote with a stray closing mark at its sentence', () => {
    const text = 'He spoke. But there is more to do. ”';
    expect(
      findQuoteSpans(text, [{ start: 0, end: text.length }], [0, 10]).map((q) => text.slice(q.start, q.end)),
    ).toEqual(['But there is more to do.']);
  });
  it('takes British single quotes only when a paragraph has no double ones, ignoring apostrophes', () => {
    expect(spans("Mara 'borrowed my bicycle' for a year, Lund's sister said.")).toEqual([
      'borrowed my bicycle',
    ]);
    expect(spans("It's O'Neill's horse.")).toEqual([]);
  });
});

describe('direct quotes', () => {
  it('"…," X said', () => {
    expect(pairs('“The talks have failed completely,” Smith said.')).toEqual([
      ['The talks have failed completely,', 'Smith'],
    ]);
  });

  it('"…," said X, with the appositive as the description', () => {
    const [s] = attribute(
      '“They just gave away their leverage today,” said Matthew Miller, a former State Department spokesman.',
    );
    expect(s).toMatchObject({
      speaker: 'Matthew Miller',
      description: 'former State Department spokesman',
      quoted: true,
    });
  });

  it('X said: "…" and X told reporters "…", with the title before the name', () => {
    expect(
      pairs(
        'Dutch Defense Minister Reuben Brekelmans told CNN: “We should do more to protect our continent.”',
      ),
    ).toEqual([['We should do more to protect our continent.', 'Reuben Brekelmans']]);
    expect(
      attribute('Dutch Defense Minister Reuben Brekelmans told CNN: “We should do more to protect it.”')[0]
        ?.description,
    ).toBe('Dutch Defense Minister');
  });

  it('keeps a quote that runs over several sentences as one statement with all its sentences', () => {
    const [s] = attribute(
      '“I don’t think it’s practical. They have said so for years. I’m fine with that,” Trump said.',
    );
    expect(s?.speaker).toBe('Trump');
    expect(s?.excerpt).toBe(
      '“I don’t think it’s practical. They have said so for years. I’m fine with that,” Trump said.',
    );
  });

  it('gives a follow-up quote in the next paragraph to the same speaker', () => {
    const text =
      '“We are here to stay,” said Mayor Jane Ortiz.\n\n“And we will rebuild the bridge before winter.”';
    expect(pairs(text)).toEqual([
      ['We are here to stay,', 'Jane Ortiz'],
      ['And we will rebuild the bridge before winter.', 'Jane Ortiz'],
    ]);
  });

  it('keeps a short follow-up quote in the same paragraph', () => {
    expect(
      pairs('“We have heard your concerns,” Defence Secretary John Healey responded. “We will.”'),
    ).toEqual([
      ['We have heard your concerns,', 'John Healey'],
      ['We will.', 'John Healey'],
    ]);
  });

  it('ignores scare quotes that nobody is said to have said', () => {
    expect(attribute('The so-called “peace dividend” never arrived in the region.')).toEqual([]);
  });
});

describe('reported speech', () => {
  it('X said (that) …', () => {
    expect(pairs('The mayor said that the bridge would reopen in May.')).toEqual([
      ['the bridge would reopen in May', 'mayor'],
    ]);
    expect(pairs('Smith said the bridge would reopen in May.')).toEqual([
      ['the bridge would reopen in May', 'Smith'],
    ]);
  });

  it('…, X said. and …, said X.', () => {
    expect(pairs('The bridge will reopen in May, Smith said.')).toEqual([
      ['The bridge will reopen in May', 'Smith'],
    ]);
    expect(pairs('The bridge will reopen in May, said the mayor.')).toEqual([
      ['The bridge will reopen in May', 'mayor'],
    ]);
  });

  it('according to X, in both positions', () => {
    expect(pairs('According to the ministry, the bridge will reopen in May.')).toEqual([
      ['the bridge will reopen in May', 'ministry'],
    ]);
    expect(pairs('The bridge will reopen in May, according to Smith.')).toEqual([
      ['The bridge will reopen in May', 'Smith'],
    ]);
  });

  it('X told CNN on Wednesday that …', () => {
    expect(
      pairs('Latvian Defense Minister Andris Sprūds told CNN on Wednesday that the US is essential.'),
    ).toEqual([['the US is essential', 'Andris Sprūds']]);
  });

  it('…, saying … belongs to the subject of the sentence', () => {
    expect(pairs('Hegseth also repeated calls to raise spending, saying the latter is not enough.')).toEqual([
      ['the latter is not enough', 'Hegseth'],
    ]);
  });

  it('a partial quote inside reported speech makes one statement, the clause', () => {
    const said = attribute('She said the council was slow and “deeply reluctant” to change the plan.');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({
      quote: 'the council was slow and “deeply reluctant” to change the plan',
      quoted: true,
    });
  });

  it('does not take "announced a plan" for reported speech', () => {
    expect(attribute('The minister announced a new plan for the harbour on Monday.')).toEqual([]);
  });

  it('ends a clause where another speaker’s attribution begins', () => {
    expect(
      pairs(
        'According to the agency, the target is met in most cases, but Chapman says that is not what the union sees.',
      ),
    ).toEqual([
      ['the target is met in most cases', 'agency'],
      ['that is not what the union sees', 'Chapman'],
    ]);
  });
});

describe('speakers', () => {
  it('takes organisations and unnamed sources as speakers, without the article', () => {
    expect(pairs('The Kremlin said Wednesday that Putin had invited Trump to Moscow.')).toEqual([
      ['Putin had invited Trump to Moscow', 'Kremlin'],
    ]);
    expect(pairs('A senior NATO official told reporters that spending is too low.')).toEqual([
      ['spending is too low', 'senior NATO official'],
    ]);
  });

  it('resolves "he said" to the person the text is about, not the last person quoted', () => {
    const text = [
      '“They just abandoned their main leverage,” said Matthew Miller, a former spokesman.',
      'Hegseth also did not announce new aid. “We are here today to speak directly and clearly,” he said.',
    ].join('\n');
    expect(pairs(text).at(-1)).toEqual(['We are here today to speak directly and clearly,', 'Hegseth']);
  });

  it('resolves "she said" by gender, skipping a man mentioned in between', () => {
    const text =
      'Lisa Morgan met Daniel Okoye on Monday.\nMorgan said Okoye would be a strong candidate.\n“He knows the city better than anyone,” she said.';
    expect(pairs(text).at(-1)).toEqual(['He knows the city better than anyone,', 'Lisa Morgan']);
  });

  it('resolves a pronoun to a person the previous sentence introduced', () => {
    const text =
      'The new bus route saved time for Riverton baker Tomasz Wojcik, 47. “I used to drive an hour each way, but now I read on the bus,” he says.';
    expect(pairs(text)).toEqual([
      ['I used to drive an hour each way, but now I read on the bus,', 'Tomasz Wojcik'],
    ]);
  });

  it('gives no speaker rather than a wrong one when a pronoun has no antecedent', () => {
    expect(pairs('“It is over now and we can all go home,” he said.')).toEqual([
      ['It is over now and we can all go home,', null],
    ]);
  });
});

describe('name variants', () => {
  it('merges a surname with the full name, and typo-level variants', () => {
    const speakers = speakersOf(
      'US Defense Secretary Pete Hegses said the war must end.\nHegseth said Europe must lead.\n“Ukraine will not join NATO,” Heggs said.\nHegus also said the border was unrealistic.',
    );
    const pete = speakers.find((s) => s.name.startsWith('Pete'));
    expect(pete?.name).toBe('Pete Hegses');
    expect(pete?.aliases.sort()).toEqual(['Heggs', 'Hegseth', 'Hegus']);
    expect(pete?.description).toBe('US Defense Secretary');
    expect(pete?.statements).toHaveLength(4);
  });

  it('never merges different people with similar names', () => {
    const speakers = speakersOf(
      'Hegseth said Europe must lead the effort.\nBritish Defence Secretary John Healy said Britain would step up.\nTrump said the talks would begin.\nPutin said Russia was ready to talk.\nHarris said taxes would rise.\nHarper said taxes would fall.',
    );
    expect(speakers.map((s) => s.name).sort()).toEqual([
      'Harper',
      'Harris',
      'Hegseth',
      'John Healy',
      'Putin',
      'Trump',
    ]);
  });

  it('joins a first name or surname to a full name given elsewhere in the article', () => {
    const text =
      'The captain, Jordan Stewart, wrote to the coach.\nStewart said he was heartbroken about the news.\n“We just wanted to help him find a kidney,” Jordan said.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Jordan Stewart', 'Jordan Stewart']);
  });

  it('merges the same person across articles, but not two people sharing a surname', () => {
    const one = 'Senator Mike Miller said the bill would pass this week.';
    const two = 'Miller said the vote was close.\nMike Miller said he had the votes.';
    const three = 'Economist Anna Miller said inflation would ease in the spring.';
    const speakers = speakersOf(one, two, three);
    expect(speakers.map((s) => [s.name, s.statements.length]).sort()).toEqual([
      ['Anna Miller', 1],
      ['Mike Miller', 3],
    ]);
  });

  it('gives an acronym the long name the article spells out', () => {
    const text =
      'Parents wrote to Immigration, Refugees and Citizenship Canada last week.\nIRCC said a final decision has not been made yet.';
    const [s] = speakersOf(text);
    expect(s?.name).toBe('Immigration, Refugees and Citizenship Canada');
    expect(s?.aliases).toContain('IRCC');
  });
});
