import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/sources/blocks.js';
import { htmlBlocks } from '../../src/sources/blocks.js';
import { cleanParagraphs, isFurniture } from '../../src/sources/clean.js';

const block = (text: string, linkChars = 0): TextBlock => ({ text, linkChars, tag: 'p' });

describe('isFurniture', () => {
  it.each([
    'Advertisement',
    'Share this article',
    'Sign up for our newsletter to get the day’s top stories.',
    'Related: Ferry timetable changes this winter',
    'Subscribe to our podcast on your favourite app',
    'Continue reading the main story',
    'November 26, 2026',
    'Updated: March 11, 2015 3:46 PM',
    '© 2026 The Riverside Gazette. All rights reserved.',
  ])('drops %j', (text) => {
    expect(isFurniture(block(text))).toBe(true);
  });

  it('drops short blocks that are mostly links', () => {
    expect(isFurniture(block('Ferry timetable changes this winter', 35))).toBe(true);
    expect(isFurniture(block('Home News Sport Weather', 20))).toBe(true);
  });

  it.each([
    '“We will sign up every school we can,” she said.',
    'Related costs rose by 4% last year, the report said.',
    'On November 26, 2026 the bridge closed.',
    'Share prices fell sharply on Tuesday.',
    'The deal',
  ])('keeps %j', (text) => {
    expect(isFurniture(block(text))).toBe(false);
  });

  it('keeps a sentence with a link in it', () => {
    const text = 'The council published the full report on its website on Thursday.';
    expect(isFurniture(block(text, 'full report'.length))).toBe(false);
  });
});

describe('htmlBlocks and cleanParagraphs', () => {
  it('splits blocks, counts link text, pulls out captions and drops repeats', () => {
    const { paragraphs, captions } = htmlBlocks(
      '<div>Loose text <a href="/x">with a link</a>.<p>First para of the story.</p><figure><img src="a"><figcaption> A  caption </figcaption></figure><ul><li>One item</li></ul><p>First para of the story.</p><script>x()</script></div>',
    );
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Loose text with a link.',
      'First para of the story.',
      'One item',
      'First para of the story.',
    ]);
    expect(paragraphs[0]?.linkChars).toBe('with a link'.length);
    expect(captions).toEqual(['A caption']);
    expect(cleanParagraphs(paragraphs)).toEqual([
      'Loose text with a link.',
      'First para of the story.',
      'One item',
    ]);
  });
});
