/**
 * Descriptions that stand for a named speaker: a person noun that is not a title ("the
 * front-runner", "the business mogul", "the retired surgeon") is the person the text is about,
 * as a pronoun would be; a description that takes up an unnamed person just introduced ("a senior
 * official … the official") stays that unnamed person. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../support/attribution.js';

describe('a description whose head is a person noun, not a title', () => {
  it('"the front-runner" is the candidate the text is about', () => {
    const text =
      'Nadia Okonkwo won three more primaries on Tuesday night.\n\n' +
      '“We are staying in this race until the final ballot,” the front-runner told supporters in Dayton.';
    expect(speakerOf(text, 'staying in this race until the final ballot')).toBe('Nadia Okonkwo');
  });

  it('"the business mogul" is the businessman just named', () => {
    const text =
      'Gregor Whitfield bought a second newspaper this spring.\n\n' +
      '“Local news deserves an owner who cares about it,” the business mogul said in a statement.';
    expect(speakerOf(text, 'Local news deserves an owner')).toBe('Gregor Whitfield');
  });

  it('a gendered noun keeps the description from a person of the other gender', () => {
    const text =
      'Marcus Delaney sold his shipping firm last year. His sister Helen Delaney still runs the farm.\n\n' +
      'Helen Delaney planted barley in April. “I never wanted to sell the land,” the businessman said.';
    expect(speakerOf(text, 'never wanted to sell')).toBe('Marcus Delaney');
  });
});

describe('a description that takes up an unnamed person just introduced', () => {
  it('"the official" after "a senior official" is not the person named before', () => {
    const text =
      'Ana Ruiz chaired the meeting. A senior official said the plan was sound. ' +
      '“We expect a vote soon,” the official added.';
    expect(speakerOf(text, 'expect a vote soon')).toBe('official');
  });

  it('"the officer" after "a second officer" is not the ambassador named before', () => {
    const text =
      'Ambassador Ana Ruiz left the compound at noon. A second officer backed the guard’s account.\n\n' +
      '“Nobody told us to wait,” the officer said.';
    expect(speakerOf(text, 'Nobody told us to wait')).toBe('officer');
  });
});

describe('a local government taken up by its kind', () => {
  it('"the city said" is the City of … named before', () => {
    const text =
      'The City of Alderton closed two bridges after the storm.\n\n' +
      '“Both will stay shut until the engineers are done,” the city said in a statement.';
    expect(speakerOf(text, 'Both will stay shut until the engineers are done')).toBe('City of Alderton');
  });
});
