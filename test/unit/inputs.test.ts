import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { answerLine } from '../../src/cli/batch.js';
import { runCommand } from '../../src/commands/index.js';
import { parsePlainRequest, parseSlashLine } from '../../src/commands/parseText.js';
import { answerConsoleLine } from '../../src/console/session.js';
import { toJson } from '../../src/render/json.js';
import { bundledLibrary } from '../support/library.js';

describe('what a newcomer types', async () => {
  const library = await bundledLibrary();

  it('refuses --limit -1 as out of range, the same as --limit=-1', () => {
    for (const args of [
      ['ask', 'NATO', '--limit', '-1'],
      ['ask', 'NATO', '--limit=-1'],
    ]) {
      const request = parseCli(args);
      const result = runCommand(library, request.command as string, request.options, 'cli');
      expect(result.error?.message).toBe('limit must be between 1 and 1000');
    }
  });

  it('echoes an unknown batch command as given', () => {
    const out = toJson(answerLine(library, '{"command": "bogus"}'));
    expect(out).toMatchObject({ command: 'bogus', results: [], error: { code: 'bad-input' } });
    expect((out.error as { message: string }).message).toBe('unknown command "bogus" (try help)');
  });

  it('answers a bare "/" with "no command given", not an unknown command ""', () => {
    expect(answerConsoleLine(library, '/').error?.message).toBe('no command given (try help)');
  });

  it('calls a question of only zero-width and format characters empty', () => {
    for (const question of ['\u200b', ' \u200b\u200d\ufeff ', '\u2060']) {
      expect(runCommand(library, 'ask', { question }, 'any').error?.message).toBe('question is empty');
    }
    expect(runCommand(library, 'ask', { question: '\u200bNATO\u200b' }, 'any').input).toEqual({
      question: 'NATO',
    });
  });

  it('reads "quotes by" with no name as quotes asking for a speaker, not as a question', () => {
    const request = parsePlainRequest('quotes by');
    expect(request.command).toBe('quotes');
    expect(runCommand(library, request.command, request.options, 'any').error?.message).toBe(
      'speaker is empty',
    );
    expect(parsePlainRequest('quotes').options).toEqual({});
    expect(parsePlainRequest('quotes by Peskov').options).toEqual({ speaker: 'Peskov' });
  });

  it('drops an opening quote that is never closed', () => {
    expect(parseSlashLine('/summary focus:"NATO aid').options).toEqual({ focus: 'NATO aid' });
    expect(parseSlashLine('/summary focus:“NATO aid” sentences:3').options).toEqual({
      focus: 'NATO aid',
      sentences: '3',
    });
    const notice = answerConsoleLine(library, '/summary focus:"NATO membership').notice ?? '';
    expect(notice).toMatch(/“NATO membership”/);
    expect(notice).not.toMatch(/“"/);
  });
});
