/**
 * "the company said" many paragraphs after the article named the company: when exactly one body
 * named before fits the head word, the description is that body; with two it stays as written.
 * Sentences written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../support/attribution.js';

const middle =
  'The harbour was quiet on Sunday morning.\n\n' +
  'Fishing crews said the catch had been poor since March.\n\n' +
  'Ferry traffic resumed after the storm passed.\n\n' +
  'Residents gathered at the community hall for a meeting.\n\n';

describe('a generic description far from the body it stands for', () => {
  it('"the company" is the one company the article named', () => {
    const text =
      'Brightwater Holdings Inc. recalled its heaters on Friday.\n\n' +
      middle +
      '“We are replacing every affected unit at no cost,” the company said in a statement.';
    expect(speakerOf(text, 'replacing every affected unit')).toBe('Brightwater Holdings Inc.');
  });

  it('two companies named before: the description stays as written', () => {
    const text =
      'Brightwater Holdings Inc. recalled its heaters on Friday.\n\nCorvane Systems Ltd. sold them online.\n\n' +
      middle +
      '“We are replacing every affected unit at no cost,” the company said in a statement.';
    expect(speakerOf(text, 'replacing every affected unit')).toBe('company');
  });

  it('"The Harbour Department" is a name, not a description of another department', () => {
    const text =
      'The boats left early. The beach was closed on Friday by the Parks Department.\n\n' +
      '“The pier stays open to boats,” The Harbour Department said.';
    expect(speakerOf(text, 'pier stays open')).not.toBe('Parks Department');
  });
});
