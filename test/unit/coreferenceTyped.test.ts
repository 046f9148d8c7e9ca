/**
 * Coreference over typed entities: gender kept per person (not per surname), names typed as
 * bodies from evidence anywhere in the article, roles linked to the people given them, places
 * kept from he and she. Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { organisationEvidence } from '../../src/attribution/mentions.js';
import { indexPeople } from '../../src/attribution/people.js';
import { isPlace } from '../../src/attribution/words.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { speakerOf } from '../support/attribution.js';

describe('gender per person, not per surname', () => {
  it('keys a short form to the one full name it belongs to', () => {
    const people = indexPeople(['Ana Ruiz', 'Tomas Ruiz', 'Linda Park']);
    expect(people.keyOf('Park')).toBe('linda park');
    expect(people.keyOf('Ruiz')).toBe('ruiz');
    expect(people.holders('Ruiz').map((p) => p.key)).toEqual(['ana ruiz', 'tomas ruiz']);
  });

  it('a "she" after a surname two people share goes to the woman of the two', () => {
    const text =
      'Ana Ruiz and her brother Tomas Ruiz run the bakery on Elm Road.\n\n' +
      'Ruiz opened the shop at dawn. “We sold out of bread by noon,” she said.';
    expect(speakerOf(text, 'sold out of bread')).toBe('Ana Ruiz');
  });

  it('a gender learnt for one namesake does not bar a pronoun from the other', () => {
    const text =
      'Ana Ruiz and Tomas Ruiz both spoke at the hearing.\n\n' +
      'Ruiz said the plan was sound. “It will pay for itself,” she said.\n\n' +
      'Later Ruiz took questions. “The budget is tight,” he said.';
    expect(speakerOf(text, 'pay for itself')).toBe('Ana Ruiz');
    expect(speakerOf(text, 'budget is tight')).toBe('Tomas Ruiz');
  });
});

describe('gender read off the article', () => {
  it('the his or her of sentences naming one person tells that person’s gender', () => {
    const text =
      'Dana Bell chairs the board.\n\n' +
      'Quinlan said his plan would pass. Quinlan thanked his staff for their work.\n\n' +
      'Quinlan then met the press. “We are ready,” she said.';
    expect(speakerOf(text, 'We are ready')).toBe('Dana Bell');
  });

  it('a she before the one name in a sentence is someone named earlier, not that name', () => {
    const text =
      'Mara Voss is betting on the ferry vote.\n\n' +
      'While she has dropped her attacks on Robin Frey from her speeches, her campaign will mail a critical editorial.\n\n' +
      'On Thursday, Frey hit back at a breakfast in the harbour hall. “Look where the editors were last year,” he said.';
    expect(speakerOf(text, 'Look where the editors')).toBe('Robin Frey');
  });
});

describe('names typed as bodies from evidence anywhere in the article', () => {
  const tokens = (text: string) => parseArticle('t', 't.txt', text, 0).analyses.map((a) => a.tokens);

  it('reads a company suffix, ", which", a body’s possession and a bracketed acronym', () => {
    const bodies = organisationEvidence(
      tokens(
        'Brindle Inc. makes tents. Halvorsen, which makes boots, grew. Kestrel’s shares fell. ' +
          'The National Rail Board (NRB) met on Monday.',
      ),
    );
    for (const name of ['brindle', 'halvorsen', 'kestrel', 'national rail board', 'nrb'])
      expect(bodies).toContain(name);
  });

  it('"he" does not go to a name the article shows to be a company', () => {
    const text =
      'Marwick, which makes garden tools, hired Paul Dunn as its new chief.\n\n' +
      'Marwick cut its prices on Monday. “The spring will be busy,” he said.';
    expect(speakerOf(text, 'spring will be busy')).not.toBe('Marwick');
  });

  it('"the company" is a business named in passing, not only a subject', () => {
    const text =
      'Shoppers lined up for the new phone from Corvane Holdings Inc. on Friday.\n\n' +
      '“Demand has been stronger than we planned for,” the company said.';
    expect(speakerOf(text, 'Demand has been stronger')).toBe('Corvane Holdings Inc.');
  });

  it('"the ministry" is a ministry named in passing', () => {
    const text =
      'Farmers met officials from the Ministry of Water Resources in the capital.\n\n' +
      '“The dams will be repaired before the rains,” the ministry said.';
    expect(speakerOf(text, 'dams will be repaired')).toBe('Ministry of Water Resources');
  });
});

describe('roles linked to the people given them', () => {
  it('"the mayor" is the person given that role in apposition', () => {
    const text =
      'The council met with Ana Ruiz, the mayor of Eastport, on Tuesday.\n\n' +
      '“We will fix the roads this summer,” the mayor said.';
    expect(speakerOf(text, 'fix the roads')).toBe('Ana Ruiz');
  });

  it('a role description with the name right after it is the named person', () => {
    const text =
      'Republican presidential candidate Dana Whitfield said the test was “a grave threat to us all.”';
    expect(speakerOf(text, 'grave threat')).toBe('Dana Whitfield');
  });
});

describe('places are not people', () => {
  it('knows states, provinces and street names', () => {
    for (const place of ['North Carolina', 'Saskatchewan', 'Pennsylvania Avenue', 'Kings County'])
      expect(isPlace(place)).toBe(true);
    expect(isPlace('Linda Park')).toBe(false);
  });

  it('"he" does not go to a state', () => {
    const text =
      'North Carolina passed the bill on Monday after a long debate.\n\n' +
      '“I will predict the winner,” he said.';
    expect(speakerOf(text, 'predict the winner')).not.toBe('North Carolina');
  });
});
