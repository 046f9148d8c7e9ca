import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/discord/warmUp.js';
import { buildLibrary } from '../../src/library/library.js';
import { bundledLibrary, tempArticles } from '../support/library.js';

describe('warmUp', () => {
  it('runs every read command on a library without a failure', async () => {
    const result = warmUp(await bundledLibrary());
    expect(result).toMatchObject({ commands: 6, failed: 0 });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('copes with a library that has no statements, or no articles at all', async () => {
    const plain = await buildLibrary(
      tempArticles({ 'plain.md': '# A plain page\n\nThe river rose by two metres overnight.\n' }),
    );
    expect(plain.statements).toHaveLength(0);
    expect(warmUp(plain)).toMatchObject({ commands: 6, failed: 0 });
    const empty = await buildLibrary(tempArticles({}));
    expect(warmUp(empty)).toMatchObject({ commands: 6, failed: 0 });
  });
});
