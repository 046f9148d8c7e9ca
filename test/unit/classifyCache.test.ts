import { describe, expect, it } from 'vitest';
import { classify } from '../../src/attribution/mentions.js';
import { analyzeParagraph } from '../../src/nlp/pipeline.js';

describe('classify', () => {
  const text = 'The harbour master Ines Calder said the tide would turn.';
  const [sentence] = analyzeParagraph(text);
  const tokens = sentence?.tokens ?? [];
  const name = [
    tokens.findIndex((t) => t.text === 'The'),
    tokens.findIndex((t) => t.text === 'Calder'),
  ] as const;

  it('gives the same mention for a span asked again, and the same as a fresh copy of the tokens', () => {
    const first = classify(tokens, name[0], name[1], text);
    expect(first).toMatchObject({ kind: 'person', name: 'Ines Calder', title: 'harbour master' });
    expect(classify(tokens, name[0], name[1], text)).toBe(first);
    expect(classify([...tokens], name[0], name[1], text)).toEqual(first);
  });

  it('tells spans of one sentence apart', () => {
    const tide = tokens.findIndex((t) => t.text === 'tide');
    expect(classify(tokens, tide - 1, tide, text)).toMatchObject({ kind: 'group', name: 'tide' });
    expect(classify(tokens, name[0], name[1], text).name).toBe('Ines Calder');
  });

  it('reads the text it is given, not the one a cached answer was made from', () => {
    const other = text.replace('Ines Calder', 'Ines Kalder');
    expect(classify(tokens, name[0], name[1], other).name).toBe('Ines Kalder');
    expect(classify(tokens, name[0], name[1], text).name).toBe('Ines Calder');
  });
});
