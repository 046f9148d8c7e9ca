/**
 * Split quotations: one quotation interrupted by its attribution. Each part is a statement of the
 * same speaker, however long the attribution between them. Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../support/attribution.js';

const pairs = (text: string) => attribute(text).map((s) => [s.quote, s.speaker]);

describe('split quotations', () => {
  it('gives the second part the speaker when an appositive with a verb stands between the parts', () => {
    expect(
      pairs(
        '“The ferry is late again,” said Nils Berg, who runs the kiosk by the pier, “and nobody tells us why.”',
      ),
    ).toEqual([
      ['The ferry is late again,', 'Nils Berg'],
      ['and nobody tells us why.', 'Nils Berg'],
    ]);
  });

  it('gives the second part the speaker when the attribution has a clause of its own', () => {
    expect(
      pairs(
        '“I cannot say how the crews will vote,” Marta Sole said of the pilots whose contracts are ending, “but I know they are angry.”',
      ),
    ).toEqual([
      ['I cannot say how the crews will vote,', 'Marta Sole'],
      ['but I know they are angry.', 'Marta Sole'],
    ]);
  });

  it('reads the inverted speaker after a possessive or a place used as a modifier, so the next part follows', () => {
    expect(
      pairs('“We will open the lock in May,” added his chief engineer Ruth Onyango. “It is ready.”'),
    ).toEqual([
      ['We will open the lock in May,', 'Ruth Onyango'],
      ['It is ready.', 'Ruth Onyango'],
    ]);
    expect(pairs('“The bus never comes on time,” said Riverside commuter Ivo Lind. “Never.”')).toEqual([
      ['The bus never comes on time,', 'Ivo Lind'],
      ['Never.', 'Ivo Lind'],
    ]);
  });
});

describe('quotation marks written as doubled apostrophes', () => {
  it("reads ''…'' as a double quotation, as some wire and archive texts write it", () => {
    expect(
      attribute("''The ferry will run all winter,'' said Ida Marsh, the harbour master.").map((s) => [
        s.quote,
        s.speaker,
        s.quoted,
      ]),
    ).toEqual([['The ferry will run all winter,', 'Ida Marsh', true]]);
  });

  it('reads two apostrophes as a closing single mark and an apostrophe when no quotation opens with them', () => {
    const said = attribute("“She called the plan 'madness'' on Monday,” said Ida Marsh, the harbour master.");
    expect(said.map((s) => [s.quote, s.speaker])).toEqual([
      ["She called the plan 'madness'' on Monday,", 'Ida Marsh'],
    ]);
  });
});
