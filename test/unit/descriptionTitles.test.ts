/**
 * A definite description as a speaker ("the Ohio senator said") is the person the article gave a
 * fitting title: the head noun with abbreviations written out, the same rank ("vice") and
 * "former" on both sides, capitalised words that do not clash. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { descriptionKey, titleFit } from '../../src/attribution/titles.js';
import { speakerOf } from '../support/attribution.js';

describe('titleFit', () => {
  const fitOf = (title: string, description: string) => {
    const key = descriptionKey(description);
    return key ? titleFit(title, key) : null;
  };
  it('writes abbreviations out', () => {
    expect(fitOf('Sen.', 'Ohio senator')).toBe(0);
    expect(fitOf('Ohio Gov.', 'Ohio governor')).toBe(1);
  });
  it('takes the head of each part of the title, not any word in it', () => {
    expect(fitOf('FBI Director', 'FBI')).toBeNull();
    expect(fitOf('former state treasurer and two-term county mayor', 'mayor')).toBe(0);
    expect(fitOf('analyst for a local bank', 'analyst')).toBe(0);
  });
  it('keeps the vice president and the president apart', () => {
    expect(fitOf('Vice President', 'president')).toBeNull();
    expect(fitOf('Vice President', 'vice president')).toBe(0);
  });
  it('keeps a former holder and a current one apart', () => {
    expect(fitOf('President', 'former president')).toBeNull();
    expect(fitOf('former city pollster', 'former pollster')).toBe(0);
  });
  it('refuses clashing capitalised words, but a place and its people meet', () => {
    expect(fitOf('Texas Sen.', 'Ohio senator')).toBeNull();
    expect(fitOf('former Peru envoy', 'former Peruvian envoy')).toBe(1);
  });
});

describe('a description speaker resolved by the titles the article gave', () => {
  it('"the Ohio senator" is the Ohio senator, not the Texas one quoted nearer', () => {
    const text =
      'Sen. Mara Lindqvist chairs the trade panel. Texas Sen. Doug Petrakis joined it in May.\n\n' +
      '“We will not vote for this bill,” Petrakis said.\n\n' +
      '“Workers here deserve better,” the Ohio senator said.';
    expect(speakerOf(text, 'Workers here deserve better')).toBe('Mara Lindqvist');
  });

  it('"the former pollster" is the person introduced as a former pollster', () => {
    const text =
      'Former party pollster Hector Valmont appeared on a morning show.\n\n' +
      'The host asked about the race. “The numbers are moving fast,” the former pollster said.';
    expect(speakerOf(text, 'The numbers are moving fast')).toBe('Hector Valmont');
  });
});

describe('someone speaking for a person', () => {
  it('"his lawyer said" is the lawyer, not the client', () => {
    const text =
      'Tobias Wrenfield was charged with fraud in March.\n\n' +
      '“My client will plead not guilty,” his lawyer said outside the courthouse.';
    expect(speakerOf(text, 'will plead not guilty')).toBe('Tobias Wrenfield’s lawyer');
  });

  it('keeps "her campaign said" as written when the owner is not known', () => {
    expect(speakerOf('“The ads run in May,” her campaign said.', 'The ads run in May')).toBe('her campaign');
  });

  it('"her statement said" is still the person who issued it', () => {
    const text =
      'Orla Fenwick resigned from the board on Monday.\n\n' +
      '“I leave with pride in what we built,” her statement said.';
    expect(speakerOf(text, 'leave with pride')).toBe('Orla Fenwick');
  });
});

describe('a role set off next to a name anywhere in the sentence', () => {
  it('"met Name, the mayor," lets a later "the mayor said" find that person', () => {
    const text =
      'Union leader Petra Lind met Oskar Brandt, the mayor, on Monday.\n\n' +
      '“We are not close to a deal,” the mayor said.';
    expect(speakerOf(text, 'We are not close to a deal')).toBe('Oskar Brandt');
  });

  it('"met the mayor, Name," too', () => {
    const text =
      'Union leader Petra Lind met the mayor, Oskar Brandt, on Monday.\n\n' +
      '“We are not close to a deal,” the mayor said.';
    expect(speakerOf(text, 'We are not close to a deal')).toBe('Oskar Brandt');
  });
});

describe('a state however it is written', () => {
  const fitOf = (title: string, description: string) => {
    const key = descriptionKey(description);
    return key ? titleFit(title, key) : null;
  };
  it('reads an AP abbreviation as the state it stands for', () => {
    expect(fitOf('Vt. Sen.', 'Vermont senator')).toBe(1);
    expect(fitOf('N.Y. Gov.', 'New York governor')).toBe(1);
  });
  it('keeps two states that share a word apart', () => {
    expect(fitOf('N.Y. Sen.', 'New Jersey senator')).toBeNull();
    expect(fitOf('W.Va. Sen.', 'Virginia senator')).toBeNull();
  });
});

describe('an age or a home state set off after the name', () => {
  const senators =
    'Sen. Oren Blackwood of Ohio spoke first. Sen. Lena Marsh (D-Ore.) spoke next. ' +
    'Sen. Dale Quint, R-Ky., left early.\n\n';
  it('the state in a party tag tells which senator "the Oregon senator" is', () => {
    const text = `${senators}“The bill will not survive the summer,” the Oregon senator said.`;
    expect(speakerOf(text, 'will not survive the summer')).toBe('Lena Marsh');
  });
  it('"of" and a state after the name does the same', () => {
    const text = `${senators}“We have the votes to pass it,” the Ohio senator told reporters.`;
    expect(speakerOf(text, 'have the votes to pass it')).toBe('Oren Blackwood');
  });
  it('"the 61-year-old" is the person whose age was 61, not the one named last', () => {
    const text =
      'Ruth Okafor, 61, has run the bakery since 1990. Tomas Berg, 34, owns the shop next door.\n\n' +
      '“I will never sell this place,” the 61-year-old said.';
    expect(speakerOf(text, 'never sell this place')).toBe('Ruth Okafor');
  });
  it('an age written in a title counts the same', () => {
    const text =
      'A 29-year-old cyclist, Ines Duval, finished second behind Marta Lind.\n\n' +
      '“My legs gave out on the last climb,” the 29-year-old said.';
    expect(speakerOf(text, 'legs gave out')).toBe('Ines Duval');
  });
});

describe('two roles of one person under one determiner', () => {
  const opening =
    'Gov. Wendell Acre of Iowa toured the plant on Friday. Sen. Pia Lund, D-Minn., joined him there.\n\n';
  it('"the Iowa governor and former farmer" is one speaker, found by either role', () => {
    const text = `${opening}“The plant stays open,” the Iowa governor and former farmer told workers.`;
    expect(speakerOf(text, 'The plant stays open')).toBe('Wendell Acre');
  });
  it('a party word in the second role does not make it a name', () => {
    const text = `${opening}“We will fund the repairs,” the Minnesota senator and Democratic whip said.`;
    expect(speakerOf(text, 'fund the repairs')).toBe('Pia Lund');
  });
  it('a role and a name joined by "and" stay two speakers', () => {
    const text = `${opening}“We agree on this,” the governor and Pia Lund said.`;
    expect(speakerOf(text, 'agree on this')).toBe('Pia Lund');
  });
});

describe('what the text told of a person elsewhere', () => {
  it('a home state given in one sentence tells the senators apart in a later one', () => {
    const text =
      'Sen. Ted Varga spoke against the bill. Sen. Mila Onu (D-Ohio) spoke after him, and Onu called ' +
      'the bill cruel.\n\n“It is finished,” the Texas senator said.';
    expect(speakerOf(text, 'It is finished')).toBe('Ted Varga');
  });
});

describe('a party in the description', () => {
  it('tells apart two senators of one state by the party tags', () => {
    const text =
      'Sen. Orla Penn (R-Ohio) and Sen. Abe Tillman (D-Ohio) met the governor on Monday.\n\n' +
      '“We found common ground,” the Democratic senator said.';
    expect(speakerOf(text, 'found common ground')).toBe('Abe Tillman');
  });
  it('does not clash with a home state', () => {
    const text =
      'Sen. Oren Penn of Ohio met the governor on Monday.\n\n“It went well,” the Republican senator said.';
    expect(speakerOf(text, 'It went well')).toBe('Oren Penn');
  });
});

describe('a position in sport as a title', () => {
  it('"the rookie defenceman" is the defenceman named before', () => {
    const text =
      'Defenceman Remi Kowal scored twice as the Otters beat the Herons 4-2.\n\n' +
      '“We finally played our game,” said the rookie defenceman.';
    expect(speakerOf(text, 'finally played our game')).toBe('Remi Kowal');
  });
});

describe('a title given to the second of two people joined by "and"', () => {
  it('lets "the Green leader" find that person, not the one quoted last', () => {
    const text =
      'Former premier Joe Clark and Green Leader Ana Ruiz spoke at the event.\n\n' +
      '“We need a new approach,” the former premier said.\n\n“We have one,” the Green leader replied.';
    expect(speakerOf(text, 'We have one')).toBe('Ana Ruiz');
  });
});

describe('a title before the name and a role set off after it', () => {
  it('keeps both, so "the critic" finds the MP introduced as the party’s critic', () => {
    const text =
      'Opposition MP Rhea Solberg, the party’s housing critic, called the plan timid.\n\n' +
      '“It builds nothing this year,” the critic said.';
    expect(speakerOf(text, 'builds nothing this year')).toBe('Rhea Solberg');
  });
});
