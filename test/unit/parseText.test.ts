import { describe, expect, it } from 'vitest';
import { parsePlainRequest, parseSlashLine } from '../../src/commands/parseText.js';

describe('parseSlashLine', () => {
  it('reads the positional text and name:value options', () => {
    expect(parseSlashLine('/who-said NATO membership article:cnn-1')).toEqual({
      command: 'who-said',
      options: { topic: 'NATO membership', article: 'cnn-1' },
    });
    expect(parseSlashLine('/summary sentences:3 focus:"NATO aid"')).toEqual({
      command: 'summary',
      options: { sentences: '3', focus: 'NATO aid' },
    });
  });

  it('leaves colons that are not option names in the text', () => {
    expect(parseSlashLine('/ask what is 5:30 about? note: none').options).toEqual({
      question: 'what is 5:30 about? note: none',
    });
  });

  it('reports text a command has no place for', () => {
    expect(parseSlashLine('/sources all of them').stray).toBe('all of them');
  });

  it('lower-cases the command name', () => {
    expect(parseSlashLine('/ASK hi').command).toBe('ask');
  });
});

describe('parsePlainRequest', () => {
  it.each([
    ['who said NATO membership is unrealistic?', 'who-said', { topic: 'NATO membership is unrealistic' }],
    ['Who said anything about drones', 'who-said', { topic: 'drones' }],
    ['quotes by Hegseth', 'quotes', { speaker: 'Hegseth' }],
    ['quotes', 'quotes', {}],
    ['What did Trump say?', 'quotes', { speaker: 'Trump' }],
    ['summary', 'summary', {}],
    ['summary of defence spending', 'summary', { focus: 'defence spending' }],
    ['sources', 'sources', {}],
    ['help', 'help', {}],
    ['find source: we will', 'find-source', { text: 'we will' }],
    ['Is NATO membership realistic?', 'ask', { question: 'Is NATO membership realistic?' }],
  ])('%s → %s', (text, command, options) => {
    expect(parsePlainRequest(text)).toEqual({ command, options });
  });

  it('reads "summary of X" as an article when X names one', () => {
    expect(parsePlainRequest('summary of cnn-1', (v) => v === 'cnn-1')).toEqual({
      command: 'summary',
      options: { article: 'cnn-1' },
    });
  });
});
