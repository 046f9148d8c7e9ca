/**
 * How to call a command, derived from its spec so that help never drifts from what is accepted:
 * slash form for Discord and the console (`summary [article:ID] [sentences:N]`), flag form for
 * the command line (`summary [--article ID] [--sentences N]`).
 */
import type { CommandSpec, OptionSpec } from './definitions.js';

export type UsageStyle = 'slash' | 'cli';

/** The value's name in usage lines: `ID`, `N`, `TOPIC`. */
export function placeholder(option: OptionSpec): string {
  return option.placeholder ?? (option.type === 'integer' ? 'N' : option.name.toUpperCase());
}

/**
 * @example
 * usage(commandSpec('ask')!, 'cli') // 'ask <question> [--article ID] [--limit N]'
 */
export function usage(spec: CommandSpec, style: UsageStyle): string {
  const parts: string[] = [spec.name];
  const positional = spec.options.find((o) => o.name === spec.positional);
  if (positional) parts.push(positional.required ? `<${positional.name}>` : `[${positional.name}]`);
  for (const option of spec.options) {
    if (option === positional) continue;
    if (style === 'cli' && option.surfaces.includes('cli')) {
      parts.push(`[--${option.name} ${placeholder(option)}]`);
    } else if (style === 'slash' && option.surfaces.includes('discord') && option.type !== 'boolean') {
      // `private` is explained once in the help text, not on every line.
      parts.push(`[${option.name}:${placeholder(option)}]`);
    }
  }
  return parts.join(' ');
}
