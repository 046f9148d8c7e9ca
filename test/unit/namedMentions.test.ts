/**
 * The named people and bodies of a sentence (namedMentions), which later descriptions and
 * pronouns are resolved against: names the tagger split or party tags it read as names.
 * Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { namedMentions } from '../../src/attribution/mentions.js';
import { analyzeParagraph } from '../../src/nlp/pipeline.js';

const named = (text: string) =>
  analyzeParagraph(text).flatMap((s) =>
    namedMentions(s.tokens, text).map((m) => ({ name: m.name, title: m.title, age: m.age, home: m.home })),
  );

describe('namedMentions', () => {
  it('keeps a first name the tagger read as a verb inside the name, after a title', () => {
    expect(named('Sen. Ted Varga spoke first.')).toEqual([
      { name: 'Ted Varga', title: 'Sen.', age: undefined, home: undefined },
    ]);
  });
  it('reads a party tag as the party and home state, not as a person', () => {
    expect(
      named('Rep. Nell Ostrova (R-N.Y.) and Sen. Kofi Aban, D-Minn., voted no.').map((m) => m.home),
    ).toEqual(['Republican New York', 'Democratic Minnesota']);
    expect(named('Rep. Nell Ostrova (R-N.Y.) voted no.').map((m) => m.name)).toEqual(['Nell Ostrova']);
  });
  it('reads an age set off by commas or brackets', () => {
    expect(named('Ruth Okafor, 61, opened the shop.')[0]?.age).toBe(61);
    expect(named('Ruth Okafor (61) opened the shop.')[0]?.age).toBe(61);
    expect(named('Ruth Okafor, 61 years on the job, retired.')[0]?.age).toBeUndefined();
  });
  it('reads "of" and a state or country after the name as the home', () => {
    expect(named('Mayor Lio Brant of Ohio spoke.')[0]?.home).toBe('Ohio');
    expect(named('Lio Brant of Acme Foods spoke.')[0]?.home).toBeUndefined();
  });
  it('gives both people of "Name and Title Name", each with their own title', () => {
    expect(
      named('Former premier Joe Clark and Green Leader Ana Ruiz spoke.').map((m) => [m.name, m.title]),
    ).toEqual([
      ['Joe Clark', 'Former premier'],
      ['Ana Ruiz', 'Green Leader'],
    ]);
    expect(named('Ana Ruiz and Tom Lee left early.').map((m) => m.name)).toEqual(['Ana Ruiz', 'Tom Lee']);
  });
});
