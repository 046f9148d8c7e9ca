/**
 * Who a speaker phrase stands for: nouns that cannot speak, pronouns and descriptions resolved
 * to the entity the article names. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { cannotSpeak, mentionHead } from '../../src/attribution/speakingHeads.js';
import { isPlace } from '../../src/attribution/words.js';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('nouns that cannot speak', () => {
  it('finds the head noun of an unnamed phrase, through a partitive "of"', () => {
    expect(mentionHead('the new coach of the home team')).toBe('coach');
    expect(mentionHead('half of the residents')).toBe('residents');
    expect(mentionHead('a spokesperson, who asked not to be named')).toBe('spokesperson');
    expect(mentionHead('Anna Berg')).toBeNull();
  });

  it('tells a noun that does not speak from people, bodies and documents', () => {
    expect(cannotSpeak('game')).toBe(true);
    expect(cannotSpeak('response')).toBe(true);
    for (const word of ['coach', 'residents', 'council', 'analysis', 'report', 'country', 'some'])
      expect(cannotSpeak(word)).toBe(false);
    // A noun GUM has not seen is given the benefit of the doubt.
    expect(cannotSpeak('zorblatt')).toBe(false);
  });

  it('a quotation whose cue follows a noun that cannot speak has no speaker, not that noun', () => {
    expect(pairs('“The bridge will reopen,” the game said.')).toEqual([['The bridge will reopen,', null]]);
    expect(pairs('“The bridge will reopen,” the council said.')).toEqual([
      ['The bridge will reopen,', 'council'],
    ]);
    expect(pairs('“Prices rose in every region,” the analysis said.')).toEqual([
      ['Prices rose in every region,', 'analysis'],
    ]);
  });
});

describe('descriptions resolved to the entity the article names', () => {
  it('"the company" is a name nothing marks as a person, even of two words', () => {
    expect(
      pairs(
        'Northwind Technologies sold more heaters than ever this winter. But the company says it worries about the price of copper.',
      ),
    ).toEqual([['it worries about the price of copper', 'Northwind Technologies']]);
  });

  it('but not a name with an honorific or a first name', () => {
    const said = pairs(
      'Ms. Okafor is not struggling like the others. But the company says it expects a loss.',
    );
    expect(said.map(([, speaker]) => speaker)).not.toContain('Okafor');
  });

  it('"the campaign" is the named campaign said before', () => {
    expect(
      pairs(
        'The Lopez campaign suggested that the aide was acting alone. Later the campaign said in a statement that the emails were private.',
      ),
    ).toEqual([
      ['the aide was acting alone', 'Lopez campaign'],
      ['the emails were private', 'Lopez campaign'],
    ]);
  });

  it('with two holders of a role, "the president" is the one the text is about', () => {
    expect(
      pairs(
        'President Ana Ruiz met President Tom Bell. Ruiz said the accord would create jobs. The president also said that she imagined a quieter city.',
      ),
    ).toEqual([
      ['the accord would create jobs', 'Ana Ruiz'],
      ['she imagined a quieter city', 'Ana Ruiz'],
    ]);
  });
});

describe('he and she go to people', () => {
  it('not to a capitalised name of common words that nothing marks as a person', () => {
    expect(
      pairs(
        'Marta Olsen moved to the capital in 1950. Silver Wave then gave her a part. She said the part came late.',
      ),
    ).toEqual([['the part came late', 'Marta Olsen']]);
  });

  it('a far antecedent does not teach a gender that would keep the next pronoun from its person', () => {
    const said = attribute(
      'Councillor Reyes opened the session on Monday.\n\nThe hall was full.\n\nWhen Kiri Anaru arrived, she said the hall was too small.\n\nReyes opened the vote. He said the budget would pass.',
    );
    expect(said.at(-1)?.quote).toBe('the budget would pass');
    expect(said.at(-1)?.speaker).toBe('Reyes');
  });
});

describe('surnames and first names the tagger reads as verbs', () => {
  it('keeps a verb-like surname after a first name in the name', () => {
    expect(pairs('“The plan is sound,” said Aaron Burke, a retired teacher.')).toEqual([
      ['The plan is sound,', 'Aaron Burke'],
    ]);
    expect(pairs('Aaron Ward said the plan was sound.')).toEqual([['the plan was sound', 'Aaron Ward']]);
    expect(pairs('“It works,” said Dr. Halloran.')).toEqual([['It works,', 'Dr. Halloran']]);
    // A first name the list does not know, tagged a proper noun.
    expect(pairs('“It works,” said Tavita Ward, a teacher.')).toEqual([['It works,', 'Tavita Ward']]);
  });

  it('keeps a first name that is also a verb before the surname', () => {
    expect(pairs('“The plan is sound,” said board secretary Josh Penrose.')).toEqual([
      ['The plan is sound,', 'Josh Penrose'],
    ]);
  });

  it('keeps a first name the tagger reads as an auxiliary ("Will") after a lower-case word', () => {
    expect(pairs('“The fees are far too high,” said Will Penrose, a retired teacher.')).toEqual([
      ['The fees are far too high,', 'Will Penrose'],
    ]);
    // A title-case headline keeps its auxiliary: no name is made of it.
    expect(pairs('Voters Will Decide the Race in November.')).toEqual([]);
  });
});

describe('a place is not a full name', () => {
  it('does not merge a one-word surname into a state whose name opens with a first name ("North")', () => {
    const text =
      'Voters in North Carolina go to the polls next week.\n\n' +
      'Carlin spoke in a small town on Monday. “We will win the state by a mile,” Carlin said.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Carlin']);
  });
});

describe('a building is not a person', () => {
  it('reads a name ending in a building word as a place ("Reyes Tower"), not one ending in a surname-like word', () => {
    expect(isPlace('Reyes Tower')).toBe(true);
    expect(isPlace('Lakeside Medical Center')).toBe(true);
    expect(isPlace('Linda Hall')).toBe(false);
    expect(isPlace('Linda Park')).toBe(false);
  });
});

describe('a surname that is a role word', () => {
  it('reads "Ada King" after a first name as a person, not a king', () => {
    const text =
      'Tom Reyes said he would read it. Novelist Ada King remembered the night well. She saw it all.\n\n' +
      '“It was the best show of the year,” she said.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Tom Reyes', 'Ada King']);
  });
});

describe('a pronoun after a clause that opens the sentence', () => {
  it('stands for the subject of that clause ("After Ada Quinn lost the vote, she said …")', () => {
    const text =
      'Tom Reyes spoke first. After Ada Quinn lost the vote, she said, “We will be back next year.” ' +
      'When Ann Cole arrived, she told reporters the plan was dead.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Ada Quinn', 'Ann Cole']);
  });

  it('lets a measure of time come before the clause ("Two weeks after Quinn lost …, she said …")', () => {
    const text =
      'Tom Reyes spoke first. Two weeks after Ada Quinn lost the vote, she said the plan was dead.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Ada Quinn']);
  });

  it('does not take the object of such a clause ("After meeting Tom Reyes, she said …")', () => {
    const text = 'Ada Quinn spoke first. After meeting Tom Reyes, she said the plan was dead.';
    expect(attribute(text).map((s) => s.speaker)).toEqual(['Ada Quinn']);
  });
});

describe('a subject opened by an owner', () => {
  it('is not the he or she of the next sentence when its noun tells no gender', () => {
    const said = attribute(
      'Ivo Marsh was charged in May. His lawyer argued the case was weak.\n\n“I did nothing wrong,” he said outside the court.',
    );
    expect(said.find((s) => s.quote.startsWith('I did nothing'))?.speaker).toBe('Ivo Marsh');
  });
});
