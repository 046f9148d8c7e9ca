/**
 * More attribution constructions of news reporting, each with sentences written for the test:
 * opening participle phrases, participles after a comma, commitments, colon introductions.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('participle phrases', () => {
  it('takes no opening participle phrase for what was said', () => {
    expect(pairs('Speaking on Monday, Mayor Ada Quinn said the depot would close next spring.')).toEqual([
      ['the depot would close next spring', 'Ada Quinn'],
    ]);
  });

  it('reads ", warning that …" as a cue though the tagger reads it as a noun', () => {
    expect(
      pairs(
        'Union leader Tom Reyes attacked the plan on Friday, warning that hundreds of drivers will lose their jobs.',
      ),
    ).toEqual([['hundreds of drivers will lose their jobs', 'Tom Reyes']]);
  });
});

describe('commitments', () => {
  it('takes a quoted infinitive after a commitment verb', () => {
    expect(
      pairs('Gale Ferris chairs the port board. She promised to "be a loud voice for the crews" if elected.'),
    ).toEqual([['to "be a loud voice for the crews" if elected', 'Gale Ferris']]);
  });

  it('reads a progressive the tagger takes for an adjective as the cue', () => {
    expect(
      pairs('Gale Ferris is promising to "bring back the night ferry before the end of the year."'),
    ).toEqual([['to "bring back the night ferry before the end of the year."', 'Gale Ferris']]);
  });
});

describe('colon introductions', () => {
  it('gives a quotation opening a paragraph the speaker of the "X said:" that ends the paragraph before', () => {
    const text = [
      'Harbour plan',
      'Tom Reyes said the plan would cost the city dearly. “It is a waste of money,” he said.',
      'But the harbour master, Ada Quinn, disagreed. In a statement on Tuesday, she said:',
      '“The cranes are working again and the night shift will be back by June.”',
    ].join('\n\n');
    expect(pairs(text).at(-1)).toEqual([
      'The cranes are working again and the night shift will be back by June.',
      'Ada Quinn',
    ]);
  });

  it('gives a quotation after a colon the subject of the clause when no cue next to the mark names a speaker', () => {
    const quote = '“The cranes are working again and the night shift will be back by June.”';
    const words = 'The cranes are working again and the night shift will be back by June.';
    for (const lead of [
      'Ada Quinn struck back on Tuesday:',
      'Ada Quinn went on:',
      'Ada Quinn had this to say about the plan:',
      'Ada Quinn was blunt:',
    ])
      expect(pairs(`Harbour plan\n\n${lead} ${quote}`)).toEqual([[words, 'Ada Quinn']]);
  });

  it('gives no speaker to a colon quotation whose clause takes in words of others or starts another clause', () => {
    const quote = '“We want the night shift back by June.”';
    for (const lead of [
      'Ada Quinn received a letter from the union:',
      'Ada Quinn smiled as the crowd roared:',
      'The crowd cheered when Ada Quinn arrived:',
    ])
      expect(attribute(`Harbour plan\n\n${lead} ${quote}`)).toEqual([]);
  });

  it('does not take a heading in capitals with a colon for a speaker', () => {
    const text = [
      'Harbour plan',
      'SHORT READS:',
      '—"The ferry that never sailed is back in the news," by Jo Hart.',
    ].join('\n\n');
    expect(attribute(text)).toEqual([]);
  });
});

describe('requests and sources', () => {
  it('takes the infinitive after the person asked as the words of a request', () => {
    expect(pairs('Gale Ferris urged voters to reject the toll on the old bridge next month.')).toEqual([
      ['to reject the toll on the old bridge next month', 'Gale Ferris'],
    ]);
  });

  it('takes a document or a phrase with its owner as the source of "according to"', () => {
    expect(
      pairs('The firm threatened "a major lawsuit against the city," according to a copy of the notice.'),
    ).toEqual([['The firm threatened "a major lawsuit against the city,"', 'copy']]);
    expect(
      pairs(
        'The firm threatened "a major lawsuit against the city," according to her attorneys in a motion.',
      ),
    ).toEqual([['The firm threatened "a major lawsuit against the city,"', 'her attorneys']]);
  });
});

describe('described sources', () => {
  it('takes "a person familiar with …" for the speaker, not the thing it is familiar with', () => {
    expect(
      pairs('A woman familiar with the talks said: "Nobody in the room expected the union to walk out."'),
    ).toEqual([['Nobody in the room expected the union to walk out.', 'woman familiar with the talks']]);
  });
});

describe('a short quotation opening its sentence', () => {
  it('stands with an inverted cue when a relative clause about the speaker follows', () => {
    expect(
      attribute('The regatta ended on Sunday. “We are thrilled,” said Ann Cole, who won the race.').map(
        (s) => [s.quote, s.speaker, s.quoted],
      ),
    ).toEqual([['We are thrilled,', 'Ann Cole', true]]);
  });
});

describe('objects of prepositions', () => {
  const speakers = (text: string) => attribute(text).map((s) => s.speaker);

  it('does not take the object of a preposition before the cue for the speaker', () => {
    expect(
      speakers(
        'Sen. Ada Quinn (D-Ohio), a backer of the bid for the presidency told reporters she believed the harbour would reopen.',
      ),
    ).not.toContain('presidency');
    expect(
      speakers('Ada Quinn was heard on a microphone telling Tom Reyes to go home after the meeting.'),
    ).not.toContain('microphone');
    expect(
      speakers('Voters trying to win control of the Senate say they have a new plan for the harbour.'),
    ).toEqual([]);
  });

  it('takes the head of the phrase, or the phrase after a count, an author or "with"', () => {
    expect(pairs('“The cranes will be back by June,” a port engineer in the control room said.')).toEqual([
      ['The cranes will be back by June,', 'port engineer in the control room'],
    ]);
    expect(speakers('Some of the residents said that the cranes would return.')).toEqual(['residents']);
    expect(speakers('About 40 dockers said that they would strike on Monday.')).toEqual(['40 dockers']);
    expect(speakers('An email from Ada Quinn says that the cranes would return by June.')).toEqual([
      'Ada Quinn',
    ]);
    expect(
      speakers('The vote split the council, with Ada Quinn saying that the plan would ruin the harbour.'),
    ).toEqual(['Ada Quinn']);
  });
});

describe('verbs joined by "and"', () => {
  it('gives a cue after "and" the subject of a "while" clause between it and the sentence subject', () => {
    expect(
      pairs(
        'Tom Reyes backed the plan, while Ada Quinn, the port chief, proposed a new tax and said the mayor should resign.',
      ),
    ).toEqual([['the mayor should resign', 'Ada Quinn']]);
  });

  it('does not give a cue after "and" a sentence subject that comes after it', () => {
    expect(
      attribute(
        'In a year in which Tom Reyes has attacked the port and vowed to cut jobs, Ada Quinn has run a calm campaign.',
      ).map((s) => s.speaker),
    ).not.toContain('Ada Quinn');
  });
});

describe('speakers after a quotation', () => {
  const quote = '“The cranes will be back by June, we hope,”';
  const words = 'The cranes will be back by June, we hope,';

  it('steps over an appositive of several parts between the speaker and the cue', () => {
    expect(pairs(`${quote} Ada Quinn, minister for ports, roads, and canals, said on the call.`)).toEqual([
      [words, 'Ada Quinn'],
    ]);
  });

  it('takes the name after two titles joined by "and", not the first title', () => {
    expect(pairs(`${quote} said former Harbour Gov. and Port Board Chairman Tom Reyes.`)).toEqual([
      [words, 'Tom Reyes'],
    ]);
  });

  it('reads a hyphenated place before a description as part of the speaker phrase', () => {
    expect(pairs(`${quote} explained Leeds-based engineer Ada Quinn.`)).toEqual([[words, 'Ada Quinn']]);
  });
});

describe('perfect participles opening the sentence', () => {
  it('gives "Having said that …" the subject of the main clause, not "Having"', () => {
    expect(pairs('Having said that the cranes would return, Ada Quinn left the room.')).toEqual([
      ['the cranes would return', 'Ada Quinn'],
    ]);
  });
});

describe('a name and its appositives after an opening conjunction', () => {
  it('takes the name, not an appositive ending in a relative clause, after "But"', () => {
    expect(
      pairs(
        'But Tom Reyes, acting director of Harbour Action, which organized the letter, said the mayor’s response was weak.',
      ),
    ).toEqual([['the mayor’s response was weak', 'Tom Reyes']]);
  });
});

describe('a quotation followed by "according to"', () => {
  it('is a quoted statement of the source after "according to", without its marks', () => {
    expect(
      attribute(
        'The strike began at dawn. “The depots stay shut until the talks resume,” according to Ivo Marek.',
      ).map((s) => [s.quote, s.speaker, s.quoted]),
    ).toEqual([['The depots stay shut until the talks resume,', 'Ivo Marek', true]]);
  });
});

describe('sources named inside a longer phrase', () => {
  it('gives "according to a statement from X" to X, and the clause after the comma', () => {
    expect(
      attribute(
        'The yard went quiet. According to a statement from Kestrel Marine Ltd., the yard will close in June.',
      ).map((s) => [s.quote, s.speaker]),
    ).toEqual([['the yard will close in June', 'Kestrel Marine Ltd.']]);
  });

  it('reads "the 52-year-old said" before the cue as the person described', () => {
    expect(
      attribute('Ines Varga lost her job at the yard. “It is a sad day,” the 52-year-old said.').map((s) => [
        s.quote,
        s.speaker,
      ]),
    ).toEqual([['It is a sad day,', 'Ines Varga']]);
  });
});

describe('"put it" before a quotation', () => {
  it('reads "As X put it, “…”" as X quoted', () => {
    expect(
      attribute(
        'The ferries ran late all winter. As Ines Varga put it, “leave early or miss your meeting.”',
      ).map((s) => [s.quote, s.speaker, s.quoted]),
    ).toEqual([['leave early or miss your meeting.', 'Ines Varga', true]]);
  });
});

describe('a quotation right after a possessive', () => {
  it('is a title, not words said ("said on the network’s “Morning Show.”")', () => {
    expect(
      attribute(
        'The host laughed. “It is early,” he said on the network’s “Morning Show.” “We will see.”',
      ).map((s) => s.quote),
    ).toEqual(['It is early,', 'We will see.']);
  });
});

describe('an unnamed source described after the cue', () => {
  it('reads "said a source close to …" whole, as the same source before the cue is read', () => {
    expect(pairs('“The vote will be close,” said a source close to the ferry board.')).toEqual([
      ['The vote will be close,', 'source close to the ferry board'],
    ]);
    expect(pairs('“Nobody has signed yet,” said one aide familiar with the talks.')).toEqual([
      ['Nobody has signed yet,', 'aide familiar with the talks'],
    ]);
  });

  it('reads a gerund after a possessive as the noun that ends the description ("familiar with his thinking")', () => {
    expect(pairs('A source familiar with his thinking said, “The governor will sign it next week.”')).toEqual(
      [['The governor will sign it next week.', 'source familiar with his thinking']],
    );
    expect(pairs('“The vote will be close,” said one aide familiar with the mayor’s planning.')).toEqual([
      ['The vote will be close,', 'aide familiar with the mayor’s planning'],
    ]);
  });
});

describe('a setting phrase the tagger breaks', () => {
  it('walks back from the mark over a compound noun read with a verb in it ("the campaign spin room")', () => {
    expect(
      pairs(
        'The senator won the backing of Tom Reyes, who declared in the campaign spin room, “We are ready to work with anyone who wants to fix the roads.” The rest followed.',
      ),
    ).toEqual([['We are ready to work with anyone who wants to fix the roads.', 'Tom Reyes']]);
  });
});

describe('a role word the tagger reads as an adjective', () => {
  it('is the subject that speaks ("The premier said …")', () => {
    expect(
      pairs(
        'Premier Ada Quinn visited the plant on Monday. The premier said the depot would close next spring.',
      ),
    ).toEqual([['the depot would close next spring', 'Ada Quinn']]);
  });
});

describe('participles and clause ends the tagger or a contraction would break', () => {
  it('gives a participle after a comma the name opening the sentence when its verb was misread', () => {
    expect(
      pairs(
        'Ada Quinn attacked the plan. Tom Reyes shot back on Friday, saying he’s “earned every dollar honestly.”',
      ),
    ).toEqual([['he’s “earned every dollar honestly.”', 'Tom Reyes']]);
  });

  it('ends a reported clause at a later attribution after a closing mark and comma', () => {
    expect(
      pairs(
        'After Ada Quinn said that most pupils might do better at "smaller schools," Tom Reyes said: "That is simply not true of this town."',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Ada Quinn', 'Tom Reyes']);
  });
});

describe('a clause of time between the cue and the quotation', () => {
  it('reads "X said as …, “…”" and "X told reporters while …, “…”"', () => {
    expect(
      pairs(
        'Paul Roe said as he greeted the crowd in Dover, “At last the long wait is over for all of us.” Ann Cole told reporters while leaving the court, “We will appeal this ruling.”',
      ),
    ).toEqual([
      ['At last the long wait is over for all of us.', 'Paul Roe'],
      ['We will appeal this ruling.', 'Ann Cole'],
    ]);
  });
});

describe('a subject described by a prepositional phrase', () => {
  it('is the speaker of a participle after a comma ("A spokesman for the ministry rejected …, saying …")', () => {
    expect(
      pairs('A spokesman for the ministry rejected the plan on Monday, saying it would cost far too much.'),
    ).toEqual([['it would cost far too much', 'spokesman for the ministry']]);
  });
});

describe('unnamed sources close to someone', () => {
  it('reads "a source close to him said" and "said a source close to her" whole', () => {
    expect(pairs('The mayor will change course on the budget, a source close to him said.')).toEqual([
      ['The mayor will change course on the budget', 'source close to him'],
    ]);
    expect(pairs('“It is over,” said a source close to her.')).toEqual([
      ['It is over,', 'source close to her'],
    ]);
  });

  it('reads "an inside source" as one phrase before an interrupting cue', () => {
    expect(pairs('The idea, an inside source said, is to keep the depot open all winter.')).toEqual([
      ['The idea, an inside source said, is to keep the depot open all winter', 'inside source'],
    ]);
  });
});

describe('a participle after a comma whose sentence opens with an owner', () => {
  it('gives ", saying: “…”" to "His spokesman …", the owner named before', () => {
    expect(
      pairs(
        'Rafe Moreau declined to comment. His spokesman wrote to reporters, saying: “The senator is resting at home.”',
      ),
    ).toEqual([['The senator is resting at home.', 'Rafe Moreau’s spokesman']]);
  });
  it('gives ", saying …" to "Their lawyer …" for reported speech', () => {
    expect(
      pairs(
        'The two brothers were charged in May. Their lawyer spoke outside the court, saying the charges would be dropped.',
      ),
    ).toEqual([['the charges would be dropped', 'Their lawyer']]);
  });
});

describe('a noun of speech with its owner and a "that" clause', () => {
  it('"repeated her warning that …" is what the subject said', () => {
    expect(
      pairs('Councillor Ines Varga repeated her warning that the bridge would need closing by March.'),
    ).toEqual([['the bridge would need closing by March', 'Ines Varga']]);
  });
  it('"Name’s claim that …" is what the named owner said, whoever rejects it', () => {
    expect(pairs('The utility rejected Omar Haddad’s claim that the meters had been tampered with.')).toEqual(
      [['the meters had been tampered with', 'Omar Haddad']],
    );
  });
  it('a claim with no owner reports no one', () => {
    expect(pairs('The judge dismissed any claim that the ballots had been altered.')).toEqual([]);
  });
});

describe('a quotation with no cue after a quoted and a reported statement', () => {
  it('goes on from the quotation, not from reported speech in a clause after it', () => {
    expect(
      pairs(
        '“The lease cannot be broken,” landlord Hana Petrov told the weekly paper, after Mayor Gil Soto said ' +
          'the city would try to end it. “It runs for another nine years.”',
      ),
    ).toEqual([
      ['The lease cannot be broken,', 'Hana Petrov'],
      ['the city would try to end it', 'Gil Soto'],
      ['It runs for another nine years.', 'Hana Petrov'],
    ]);
  });
});

describe('an exclamation in marks, then its cue as a new "sentence"', () => {
  const opening = 'Coach Ilse Brandt and striker Noor Haq met the press.\n\n';
  it('joins a name and a report verb to the quotation before them', () => {
    const said = attribute(`${opening}“What a night for this club!” Haq tweeted after the final whistle.`);
    expect(said.map((s) => [s.quote, s.speaker, s.excerpt.includes('tweeted')])).toEqual([
      ['What a night for this club!', 'Noor Haq', true],
    ]);
  });
  it('steps over a role set off by commas between the name and the verb', () => {
    expect(
      pairs(`${opening}“We never gave up!” Brandt, the club’s coach since 2019, said on Sunday.`),
    ).toEqual([['We never gave up!', 'Ilse Brandt']]);
  });
  it('leaves a sentence with another verb as it is', () => {
    const said = attribute(`${opening}“Go home!” Police cleared the square within minutes.`);
    expect(said.map((s) => s.excerpt)).not.toContain('“Go home!” Police cleared the square within minutes.');
  });
});

describe('a role of a body with the person named after it', () => {
  it('"The head of the union, Name, …" is that person, for a later pronoun too', () => {
    expect(
      pairs(
        'The head of the dockworkers union, Rory Fitzgerald, welcomed the offer on Friday. ' +
          '“It is the best deal in a decade,” he said.',
      ),
    ).toEqual([['It is the best deal in a decade,', 'Rory Fitzgerald']]);
  });
});

describe('an inverted cue before a colon', () => {
  it('reads "Said Name: “…”" when the tagger took the surname for a verb', () => {
    expect(
      pairs(
        'Premier Dana Ford spoke first.\n\nSaid Ford: “This is a fight for every worker in the province.”',
      ),
    ).toEqual([['This is a fight for every worker in the province.', 'Dana Ford']]);
  });
});

describe('a name opening the sentence, then a participle phrase before the cue', () => {
  const opening = 'Premier Dana Ford and Mayor Tom Hale met on Monday.\n\n';
  it('steps over "speaking to reporters on Monday," to the speaker', () => {
    expect(pairs(`${opening}Hale, speaking to reporters on Monday, said the deal was done.`)).toEqual([
      ['the deal was done', 'Tom Hale'],
    ]);
  });
  it('reads a surname the tagger took for a verb ("Ford") as the speaker', () => {
    expect(pairs(`${opening}Ford, speaking to reporters on Monday, said: “The deal is done.”`)).toEqual([
      ['The deal is done.', 'Dana Ford'],
    ]);
  });
});

describe('an infinitive of speech completing a finished act', () => {
  const opening = 'Premier Dana Ford spoke on Monday.\n\n';
  it('"took to social media to say: “…”" is the subject’s quotation', () => {
    expect(pairs(`${opening}Ford took to social media to say: “We will not back down.”`)).toEqual([
      ['We will not back down.', 'Dana Ford'],
    ]);
  });
  it('"went on to say …" reports the subject', () => {
    expect(pairs(`${opening}Ford went on to say the deal was done.`)).toEqual([
      ['the deal was done', 'Dana Ford'],
    ]);
  });
  it('an act not done, or wanting to say, reports nothing', () => {
    const said = attribute(
      `${opening}Ford will take to the stage to say that she is running. Ford wants to say that the deal is good.`,
    );
    expect(said).toEqual([]);
  });
});
