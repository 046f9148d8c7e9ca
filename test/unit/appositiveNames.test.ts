/**
 * A description of one person with the person's name set off right after it ("her campaign
 * manager, Jane Roe, said", "said the council's lawyer, Tom Lee.") is that person, not an unnamed
 * source. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../support/attribution.js';

describe('a description followed by the name of the person it describes', () => {
  it('"his campaign manager, Name, said" is the named manager', () => {
    const text =
      'Tomas Brandt won the county by nine points.\n\n' +
      'His campaign manager, Idris Fenwick, said the result “proves the river towns are still with us.”';
    expect(speakerOf(text, 'river towns are still with us')).toBe('Idris Fenwick');
  });

  it('"the agency’s spokeswoman, Name, said" before the cue, after a quotation', () => {
    const text =
      'The inspectors closed two bridges on Monday.\n\n' +
      '“Nobody should cross them until the cables are replaced,” the agency’s spokeswoman, Marta Olsson, said on Tuesday.';
    expect(speakerOf(text, 'until the cables are replaced')).toBe('Marta Olsson');
  });

  it('"said a longtime aide, Name." after the cue', () => {
    const text =
      'The mayor will not run again, her office confirmed.\n\n' +
      '“She has given this city twelve good years,” said a longtime aide, Bruno Castellane.';
    expect(speakerOf(text, 'twelve good years')).toBe('Bruno Castellane');
  });

  it('"<full name>\'s husband, Name, said" is the named husband, not the owner', () => {
    const text =
      'Greta Lindqvist died in the ferry fire.\n\n' +
      'Greta Lindqvist’s husband, Anders Moberg, said the family would sue the operator.';
    expect(speakerOf(text, 'the family would sue the operator')).toBe('Anders Moberg');
  });

  it('an interjection before a name is not a description', () => {
    const text =
      'Nell Harrow spoke for an hour.\n\n' +
      '“My neighbours keep saying, gosh, Harry, you should rest,” Harrow said with a laugh.';
    expect(speakerOf(text, 'you should rest')).toBe('Nell Harrow');
  });
});

describe('several appositives between the speaker and the cue', () => {
  it('reads "Name, 45, a nurse at …, said" after a quotation', () => {
    const text =
      'The night shift walked out on Friday.\n\n' +
      '“We are exhausted,” Petra Lindgren, 45, a nurse at the clinic for twenty years, said.';
    expect(speakerOf(text, 'We are exhausted')).toBe('Petra Lindgren');
  });
});
