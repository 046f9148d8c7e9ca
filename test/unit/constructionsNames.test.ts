/**
 * How names, titles and places around a speaker are read, each with sentences written for the test:
 * "Title Name of Place", a place abbreviation before a role the tagger reads as an adjective.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('a name with the place a person is from', () => {
  it('"Mayor Name of Place said" is the person, not a name of the place', () => {
    expect(pairs('Mayor Lena Quist of Harrowgate said the pool would reopen in June.')).toEqual([
      ['the pool would reopen in June', 'Lena Quist'],
    ]);
  });
  it('after the cue too: "said Gov. Name of State"', () => {
    expect(pairs('“We are ready,” said Gov. Rafe Dunmore of Vermont.')).toEqual([
      ['We are ready,', 'Rafe Dunmore'],
    ]);
  });
  it('a body written "X of Y" keeps its whole name', () => {
    expect(pairs('The Bank of Canada said rates would hold until spring.')).toEqual([
      ['rates would hold until spring', 'Bank of Canada'],
    ]);
  });
  it('the place is where the person is from: a later "the Vermont governor" is them', () => {
    const said = pairs(
      'Gov. Rafe Dunmore of Vermont met Mayor Lena Quist on Monday.\n\n“We are ready,” the Vermont governor said.',
    );
    expect(said).toEqual([['We are ready,', 'Rafe Dunmore']]);
  });
});

describe('a place abbreviation before a role', () => {
  it('"The B.C. premier told reporters that …" has a speaker though the tagger reads the role as an adjective', () => {
    const said = attribute(
      'Premier Nora Vell toured the mill.\n\nThe B.C. premier told reporters that the mill would stay open.',
    );
    expect(said.map((s) => [s.quote, s.speaker])).toEqual([['the mill would stay open', 'Nora Vell']]);
  });
});

describe('"according to" a body', () => {
  it('a lone noun the tagger read as a verb ("according to police,") is the source', () => {
    expect(pairs('According to police, the cyclist has been charged with dangerous driving.')).toEqual([
      ['the cyclist has been charged with dangerous driving', 'police'],
    ]);
  });
  it('a place standing for its government is a source ("according to the city")', () => {
    expect(pairs('The bridge will stay closed until August, according to the town.')).toEqual([
      ['The bridge will stay closed until August', 'town'],
    ]);
  });
  it('set off inside the sentence, the words are the whole sentence around it', () => {
    expect(pairs('The cyclist, according to the police, was riding without lights.')).toEqual([
      ['The cyclist, according to the police, was riding without lights', 'police'],
    ]);
  });
  it('an appositive after the source does not make the clause before it part of a longer one', () => {
    expect(
      pairs(
        'The ferry carried 900 cars last week, according to Lena Quist, the port manager, who counts them.',
      ),
    ).toEqual([['The ferry carried 900 cars last week', 'Lena Quist']]);
  });
});

describe('settings and modifiers around the cue and the speaker', () => {
  it('a setting of two setting nouns ("on a conference call") before "that"', () => {
    expect(pairs('Tomas Brenner told investors on a conference call that the mill would reopen.')).toEqual([
      ['the mill would reopen', 'Tomas Brenner'],
    ]);
  });
  it('"the Halifax-based chain said" is the chain the article named', () => {
    const said = pairs(
      'Harbour Foods Inc. will close nine stores.\n\nThe Halifax-based chain said the closures would affect 300 workers.',
    );
    expect(said).toEqual([['the closures would affect 300 workers', 'Harbour Foods Inc.']]);
  });
  it('a title before a first name the lexicon does not know still marks a person before "of"', () => {
    const said = pairs(
      'Analyst Priya Tallis of Lakeside Capital wrote that the sale was overdue. “They waited too long,” she wrote.',
    );
    expect(said).toEqual([
      ['the sale was overdue', 'Priya Tallis'],
      ['They waited too long,', 'Priya Tallis'],
    ]);
  });
  it('a body whose name has a first name in it ("Royal Bank of …") keeps its whole name', () => {
    expect(pairs('The Royal Bank of Lakeland said profits rose in the third quarter.')).toEqual([
      ['profits rose in the third quarter', 'Royal Bank of Lakeland'],
    ]);
  });
});

describe('a body named after its description', () => {
  it('"The shelter\'s operator, Harbour Mission, says …" is the body', () => {
    expect(pairs('The shelter’s operator, Harbour Mission, says it needs the space before winter.')).toEqual([
      ['it needs the space before winter', 'Harbour Mission'],
    ]);
  });
});

describe('a surname two people share', () => {
  it('is the one of them named in full before it, when only one was', () => {
    const said = pairs(
      'Ruth Talbot, a farmer, said her son drives to town for a signal.\n\n“We pay for a line that barely works,” said Talbot.\n\n“It has been like this for years,” her husband, Sam Talbot, added.',
    );
    expect(said).toEqual([
      ['her son drives to town for a signal', 'Ruth Talbot'],
      ['We pay for a line that barely works,', 'Ruth Talbot'],
      ['It has been like this for years,', 'Sam Talbot'],
    ]);
  });
  it('stays unresolved when both were named before', () => {
    const said = attribute(
      'Ruth Talbot and Sam Talbot run the farm.\n\n“We pay for a line that barely works,” said Talbot.',
    );
    expect(said.map((s) => s.speaker)).toEqual(['Talbot']);
  });
});

describe('a verb in -s the tagger read as a plural noun', () => {
  it('before a preposition of motion or purpose, it is the reported clause’s verb', () => {
    expect(pairs('Ann Lee said her son drives to town for a signal.')).toEqual([
      ['her son drives to town for a signal', 'Ann Lee'],
    ]);
  });
});

describe('sources who speak for someone', () => {
  const opening = 'Rep. Tom Becker spoke on Monday.\n\n';
  it('"A spokesperson for X, Name, said" is the named spokesperson, and a later "she" is her', () => {
    const said = pairs(
      `${opening}A spokesperson for Becker, Dana Ruiz, said the draft would come next week. She said it would include drought relief.`,
    );
    expect(said).toEqual([
      ['the draft would come next week', 'Dana Ruiz'],
      ['it would include drought relief', 'Dana Ruiz'],
    ]);
  });
  it('after the cue too, named or not', () => {
    expect(pairs(`${opening}“We will release a draft,” said a spokesperson for Becker, Dana Ruiz.`)).toEqual([
      ['We will release a draft,', 'Dana Ruiz'],
    ]);
    expect(pairs(`${opening}“No,” said a lawyer for the family.`)).toEqual([
      ['No,', 'lawyer for the family'],
    ]);
  });
  it('"said former secretary of state Name" is the person with that title', () => {
    const [found] = attribute('“We must act,” said former secretary of state Ana Ruiz.');
    expect([found?.speaker, found?.description]).toEqual(['Ana Ruiz', 'former secretary of state']);
  });
});

describe('a party member described by the party', () => {
  it('"The Iowa Republican added" right after the person spoke is that person', () => {
    expect(
      pairs(
        'Rep. Tom Becker said a deal would be reached. The Iowa Republican added that both parties wanted the bill passed.',
      ),
    ).toEqual([
      ['a deal would be reached', 'Tom Becker'],
      ['both parties wanted the bill passed', 'Tom Becker'],
    ]);
  });
});

describe('names of bodies with "for", "on" or "of" inside', () => {
  it('"The Lakeland Centre for Housing Studies says …" keeps the whole name', () => {
    expect(
      pairs('The Lakeland Centre for Housing Studies says rents rose faster than wages last year.'),
    ).toEqual([['rents rose faster than wages last year', 'Lakeland Centre for Housing Studies']]);
  });
  it('a document from such a body speaks for it', () => {
    expect(pairs('A new report from the Institute for Rural Affairs says the clinics will close.')).toEqual([
      ['the clinics will close', 'Institute for Rural Affairs'],
    ]);
  });
});

describe('a role held for a place or body', () => {
  it('"The province’s finance minister has said …" is not the store owner quoted just before', () => {
    const said = pairs(
      'Joe Whitfield, the owner of a hardware store, says he has never seen business this slow.\n\nThe province’s finance minister has said the tax is needed to balance the budget.',
    );
    expect(said).toEqual([
      ['he has never seen business this slow', 'Joe Whitfield'],
      ['the tax is needed to balance the budget', 'province’s finance minister'],
    ]);
  });
  it('is the person the article gave that title', () => {
    const said = pairs(
      'Finance Minister Ana Ruiz tabled the budget.\n\nThe province’s finance minister has said the tax is needed to balance the budget.',
    );
    expect(said).toEqual([['the tax is needed to balance the budget', 'Ana Ruiz']]);
  });
});

describe('a subject named in an appositive', () => {
  it('"Her colleague, Name, agreed." makes Name who a following "he said" is', () => {
    const said = pairs(
      'Nurse Quilla Ruiz has worked at the hospital for years. “The ward is full,” Ruiz said.\n\nHer colleague, respiratory therapist Tom Olsen, agreed. “It is exhausting,” he said.',
    );
    expect(said).toEqual([
      ['The ward is full,', 'Quilla Ruiz'],
      ['It is exhausting,', 'Tom Olsen'],
    ]);
  });
});
