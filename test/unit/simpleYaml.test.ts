import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simpleYaml } from '../../src/corpus/simpleYaml.js';

describe('simpleYaml', () => {
  it('reads quoted strings, dates and plain words as the YAML parser does', () => {
    const text = [
      'title: "Harbour \\"ferry\\" plan: a \\/ b \\\\ c\\tstop"',
      'source: Daily Tidings (North) Ltd.',
      'published: 2025-02-12',
      '',
      "dateline: Port O'Neill, Westmarch",
    ].join('\n');
    expect(simpleYaml(text)).toEqual(parse(text));
  });

  it('leaves everything else to the YAML parser', () => {
    for (const text of [
      'title: 2025',
      'title: true',
      'title: null',
      'title: Roe # a comment',
      'title: "a"\ntitle: "b"',
      'authors:\n  - Ann Roe',
      'authors: [Ann Roe, Ben Lee]',
      "title: 'single quoted'",
      'title: "\\u00e9"',
      'title: a: b',
      'title: "x"\r',
      '  title: "x"',
    ]) {
      expect(simpleYaml(text), text).toBeNull();
    }
  });

  it('never disagrees with the YAML parser', () => {
    const value = fc.oneof(
      fc.string().map((s) => JSON.stringify(s)),
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary' }).map((s) => JSON.stringify(s)),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    );
    const line = fc.tuple(fc.constantFrom('title', 'source', 'url', 'published', 'x_1'), value);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), (lines) => {
        const text = lines.map(([k, v]) => `${k}: ${v}`).join('\n');
        const fast = simpleYaml(text);
        if (fast === null) return;
        expect(fast).toEqual(parse(text) ?? {});
      }),
      { numRuns: 3000 },
    );
  });
});
