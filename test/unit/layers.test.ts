/**
 * Data flows one way through src/ (README: "Where things live"): a folder may import from the
 * folders before it in LAYERS, never from one after it. This test reads every import in src/ and
 * fails on one that points the wrong way, so the layering stays as it is written down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const SRC = path.join(PROJECT_ROOT, 'src');

/** Each layer's folders (or top-level files); entries on one line are one layer. */
const LAYERS: readonly (readonly string[])[] = [
  // Shared by every layer: configuration, logging, how an entry point exits; ambient types.
  ['config.ts', 'log.ts', 'entry.ts', 'types'],
  ['nlp'],
  ['corpus'],
  ['sources'],
  ['attribution'],
  ['ingest'],
  ['retrieval'],
  ['summary'],
  ['library'],
  ['commands'],
  ['render'],
  ['discord'],
  ['console', 'cli'],
  ['main.ts', 'sharded.ts'],
];

/**
 * Imports that point the wrong way today, in files whose owners are changing them; each is a
 * type-only use of the assembled Library. Remove an entry when its import is gone.
 */
const KNOWN_EXCEPTIONS = new Set([
  'retrieval/statements.ts → library/library.ts',
  'summary/select.ts → library/library.ts',
]);

/** Folders where language processing may not run: they may name its types and read its data-only flags. */
const NO_LANGUAGE_PROCESSING = ['corpus'];
const DATA_ONLY = new Set([path.join('nlp', 'featureFlags.ts')]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The relative imports of a file: `from './x.js'`, `import('./x.js')`, `export … from`. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { target: string; typeOnly: boolean }[] = [];
  const pattern =
    /(?:^|\n)\s*(import|export)(\s+type)?[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = (m[3] ?? m[4]) as string;
    found.push({
      target: path.relative(SRC, path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'))),
      typeOnly: Boolean(m[2]),
    });
  }
  return found;
}

function layerOf(relative: string): number {
  const top = relative.split(path.sep)[0] as string;
  const index = LAYERS.findIndex((layer) => layer.includes(top));
  if (index < 0)
    throw new Error(`src/${relative} is in no layer: add its folder to LAYERS and to the README`);
  return index;
}

describe('import boundaries', () => {
  const files = sourceFiles(SRC).map((f) => path.relative(SRC, f));

  it('puts every source file in a layer', () => {
    for (const file of files) expect(() => layerOf(file)).not.toThrow();
  });

  it('never imports from a later layer', () => {
    const wrongWay: string[] = [];
    for (const file of files) {
      for (const { target } of importsOf(path.join(SRC, file))) {
        const edge = `${file} → ${target}`;
        if (layerOf(target) > layerOf(file) && !KNOWN_EXCEPTIONS.has(edge)) wrongWay.push(edge);
      }
    }
    expect(wrongWay).toEqual([]);
  });

  it('runs no language processing in corpus/ (types only)', () => {
    const calls: string[] = [];
    for (const file of files.filter((f) => NO_LANGUAGE_PROCESSING.includes(f.split(path.sep)[0] as string))) {
      for (const { target, typeOnly } of importsOf(path.join(SRC, file))) {
        if (target.startsWith(`nlp${path.sep}`) && !typeOnly && !DATA_ONLY.has(target))
          calls.push(`${file} → ${target}`);
      }
    }
    expect(calls).toEqual([]);
  });

  it('keeps its list of exceptions current', () => {
    const edges = new Set(
      files.flatMap((file) => importsOf(path.join(SRC, file)).map(({ target }) => `${file} → ${target}`)),
    );
    for (const exception of KNOWN_EXCEPTIONS) expect(edges).toContain(exception);
  });
});
