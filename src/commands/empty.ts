/** The sentence shown when a command found nothing, from the template in its spec. */
import { commandSpec } from './definitions.js';

/**
 * Fills an empty-result template: `{name}` becomes the option's value in quotes, and a `[…]` part
 * is left out when an option in it was not given.
 *
 * @example
 * emptyMessage('quotes', {}) // 'No statements in these articles.'
 * emptyMessage('quotes', { speaker: 'Peskov' }) // 'No statements by “Peskov” in these articles.'
 */
export function emptyMessage(
  command: string | null,
  input: Readonly<Record<string, unknown>> | null,
): string {
  const template = (command && commandSpec(command)?.empty) || 'Nothing found.';
  const value = (name: string) => {
    const v = input?.[name];
    return typeof v === 'string' || typeof v === 'number' ? `“${v}”` : undefined;
  };
  return template
    .replace(/\[([^\]]*)\]/g, (_, part: string) =>
      [...part.matchAll(/\{(\w+)\}/g)].every((m) => value(m[1] as string) !== undefined) ? part : '',
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => value(name) ?? '')
    .replace(/\s+([.,])/g, '$1')
    .replace(/\s{2,}/g, ' ');
}
