import type { CommandSpec, OptionSpec, Surface } from './definitions.js';
import { badInput } from './errors.js';

/** Validated option values, by option name (typed per command as `OptionsOf`). */
export type OptionValues = Record<string, string | number | boolean>;

/**
 * Checks raw option values (strings from a command line, JSON values from batch, typed values from
 * Discord) against a command's spec and converts them. Unknown options, missing required ones,
 * empty strings, wrong types and out-of-range values are bad input.
 *
 * @example
 * validateOptions(commandSpec('summary')!, { sentences: '3' }, 'cli') // { sentences: 3 }
 */
export function validateOptions(
  spec: CommandSpec,
  raw: Record<string, unknown>,
  surface: Surface | 'any',
): OptionValues {
  const out: OptionValues = {};
  const known = new Map(
    spec.options.filter((o) => surface === 'any' || o.surfaces.includes(surface)).map((o) => [o.name, o]),
  );
  for (const [name, value] of Object.entries(raw)) {
    const option = known.get(name);
    if (!option) throw badInput(`${spec.name} has no option "${name}"`);
    if (value === undefined || value === null) continue;
    out[name] = convert(option, value);
  }
  for (const option of known.values()) {
    if (option.required && out[option.name] === undefined) {
      throw badInput(`${spec.name} needs ${article(option.name)} ${option.name}`);
    }
  }
  return out;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function convert(option: OptionSpec, value: unknown): string | number | boolean {
  switch (option.type) {
    case 'string': {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw badInput(`${option.name} must be text`);
      }
      const text = visibleTrim(wellFormed(String(value)));
      if (text === '') throw badInput(`${option.name} is empty`);
      if (option.maxLength !== undefined && text.length > option.maxLength) {
        throw badInput(`${option.name} is too long (at most ${option.maxLength} characters)`);
      }
      return text;
    }
    case 'integer': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
            ? Number(value)
            : Number.NaN;
      if (!Number.isSafeInteger(n)) throw badInput(`${option.name} must be a whole number`);
      if ((option.min !== undefined && n < option.min) || (option.max !== undefined && n > option.max)) {
        throw badInput(`${option.name} must be between ${option.min ?? '-∞'} and ${option.max ?? '∞'}`);
      }
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(text)) return true;
      if (['false', 'no', '0', 'off'].includes(text)) return false;
      throw badInput(`${option.name} must be true or false`);
    }
  }
}

/** Trims white space and invisible format characters (zero-width space, joiners, BOM) at both ends. */
function visibleTrim(text: string): string {
  return text.replace(/^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu, '');
}

const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** Replaces lone surrogates (half an emoji, as some clients send) with U+FFFD. */
export function wellFormed(text: string): string {
  // Almost no text has a surrogate at all; the pairing check (lookbehind) is the slow part.
  if (!ANY_SURROGATE.test(text)) return text;
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
