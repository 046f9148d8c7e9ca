import { describe, expect, it } from 'vitest';
import { FrontMatterError, readFrontMatter } from '../../src/corpus/frontMatter.js';

describe('readFrontMatter', () => {
  it('reads the contract fields and where the body starts', () => {
    const file =
      '---\ntitle: "A: title"\nsource: CNN\nurl: https://cnn.test/a\npublished: 2025-02-12\nauthors: [A, B]\n---\nBody.';
    const { meta, bodyStart } = readFrontMatter(file);
    expect(meta).toMatchObject({
      title: 'A: title',
      source: 'CNN',
      url: 'https://cnn.test/a',
      published: '2025-02-12',
    });
    expect(meta.authors).toEqual(['A', 'B']);
    expect(file.slice(bodyStart)).toBe('Body.');
  });

  it('accepts a file without front matter', () => {
    expect(readFrontMatter('Just text.').bodyStart).toBe(0);
  });

  it.each([
    ['---\ntitle: x\nBody without closing line', /closing/],
    ['---\ntitle: [unclosed\n---\nBody.', /YAML/],
    ['---\npublished: yesterday\n---\nBody.', /published/],
    ['---\nurl: not a url\n---\nBody.', /url/],
    ['---\n- a\n- b\n---\nBody.', /key: value/],
  ])('rejects bad front matter %#', (file, reason) => {
    expect(() => readFrontMatter(file)).toThrow(FrontMatterError);
    expect(() => readFrontMatter(file)).toThrow(reason);
  });
});
