import { describe, expect, it } from 'vitest';
import { layoutBody } from '../../src/corpus/layout.js';

const texts = (file: string, spans: { start: number; end: number }[]) =>
  spans.map((s) => file.slice(s.start, s.end));

describe('layoutBody', () => {
  it('treats a dateline block of short lines as metadata', () => {
    const file = 'Brussels\nCNN\n–\nHegseth spoke on Wednesday.\nHe left.';
    const layout = layoutBody(file, 0);
    expect(layout.headerText).toBe('Brussels / CNN / –');
    expect(texts(file, layout.blocks)).toEqual(['Hegseth spoke on Wednesday.', 'He left.']);
  });

  it('cuts inline datelines and wire prefixes from the first paragraph', () => {
    for (const [file, first] of [
      ['(CNN)They may not be aliens, a scientist says.', 'They may not be aliens, a scientist says.'],
      ['WASHINGTON (Reuters) - The Senate voted on Tuesday.', 'The Senate voted on Tuesday.'],
      ['LONDON — Prices rose again.', 'Prices rose again.'],
      [
        'By . Associated Press . PUBLISHED: 12:07 EST, 24 March 2014 . | . UPDATED: 12:31 EST, 24 March 2014 . A man was arrested.',
        'A man was arrested.',
      ],
    ] as const) {
      const layout = layoutBody(`${file}\nSecond paragraph here.`, 0);
      expect(texts(`${file}\nSecond paragraph here.`, layout.blocks)[0]).toBe(first);
      expect(layout.header).not.toBeNull();
    }
  });

  it('keeps a markdown image line as a caption block with the alt text only', () => {
    const file = 'First paragraph.\n![A caption. Two sentences.](https://x.test/a.jpg)\nLast paragraph.';
    const layout = layoutBody(file, 0);
    expect(layout.blocks.map((b) => b.kind)).toEqual(['text', 'caption', 'text']);
    expect(file.slice(layout.blocks[1]!.start, layout.blocks[1]!.end)).toBe('A caption. Two sentences.');
    expect(layout.blocks[1]!.url).toBe('https://x.test/a.jpg');
  });

  it('recognises trailing credits, not content', () => {
    const file =
      'The talks failed.\nCNN’s Anna Chernova and Katherine Nichols reported.\nThis story has been updated with additional reports.';
    const layout = layoutBody(file, 0);
    expect(texts(file, layout.blocks)).toEqual(['The talks failed.']);
    expect(layout.credits).toHaveLength(2);
    const reuters = 'Prices rose.\n(Reporting by Jane Doe; Editing by John Roe)';
    expect(texts(reuters, layoutBody(reuters, 0).blocks)).toEqual(['Prices rose.']);
  });

  it('does not take a closing content paragraph for a credit', () => {
    const file = 'The talks failed.\n“We will keep trying,” the minister said.';
    expect(layoutBody(file, 0).blocks).toHaveLength(2);
  });

  it('joins hard-wrapped lines but splits one-paragraph-per-line text', () => {
    const wrapped = 'The minister said the talks\nwould resume next week.\n\nA second paragraph.';
    expect(texts(wrapped, layoutBody(wrapped, 0).blocks)).toEqual([
      'The minister said the talks\nwould resume next week.',
      'A second paragraph.',
    ]);
    const perLine = 'One sentence here.\nAnother paragraph starts.';
    expect(layoutBody(perLine, 0).blocks).toHaveLength(2);
  });

  it('uses a leading markdown heading as a title, not a paragraph', () => {
    const file = '# The headline\n\nBody text here.';
    const layout = layoutBody(file, 0);
    expect(layout.heading).toBe('The headline');
    expect(texts(file, layout.blocks)).toEqual(['Body text here.']);
  });

  it('handles CRLF line endings with exact offsets', () => {
    const file = 'First line.\r\nSecond line.\r\n';
    expect(texts(file, layoutBody(file, 0).blocks)).toEqual(['First line.', 'Second line.']);
  });
});
