import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.js';
import { buildLibrary } from '../../src/library/library.js';
import { tempArticles } from '../support/library.js';

describe('the most recent article', () => {
  it('is an undated file added today rather than an older dated one', async () => {
    const dir = tempArticles({
      'dated.md':
        '---\ntitle: Dated\npublished: 2025-02-12\n---\nThe council met on Monday to talk about roads.',
      'undated.md': '# Undated\n\nThe mayor said on Tuesday that the bridge would open in spring.',
    });
    const lastYear = new Date(Date.now() - 365 * 86_400_000);
    utimesSync(path.join(dir, 'dated.md'), lastYear, lastYear);
    const library = await buildLibrary(dir);
    const result = runCommand(library, 'summary', {}, 'cli');
    expect(result.notice).toMatch(/^Summary of the most recent article: “Undated” \(undated\)/);
  });

  it('is the later published date when both are dated, whatever the file times', async () => {
    const dir = tempArticles({
      'old.md': '---\ntitle: Old\npublished: 2024-01-01\n---\nThe council met on Monday to talk about roads.',
      'new.md':
        '---\ntitle: New\npublished: 2025-03-01\n---\nThe mayor said the bridge would open in spring.',
    });
    const past = new Date('2020-01-01');
    utimesSync(path.join(dir, 'new.md'), past, past);
    const result = runCommand(await buildLibrary(dir), 'summary', {}, 'cli');
    expect(result.notice).toMatch(/“New” \(new, 2025-03-01\)/);
  });
});
