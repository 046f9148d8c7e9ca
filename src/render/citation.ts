/** How a result names its place and its speaker, shared by the terminal and Discord renderers. */
import type { Excerpt } from '../commands/results.js';

/** "¶34, sentence 1", or "¶3, photo caption". */
export function citationPlace(e: Pick<Excerpt, 'citation' | 'kind'>): string {
  const c = e.citation;
  return e.kind === 'caption' ? `¶${c.paragraph}, photo caption` : `¶${c.paragraph}, sentence ${c.sentence}`;
}

/** Speaker line: "Pete Hegseth, US Defense Secretary" (Discord joins with " · "). */
export function speakerLabel(e: Pick<Excerpt, 'speaker'>, separator = ', '): string | null {
  if (!e.speaker) return null;
  return e.speaker.description ? `${e.speaker.name}${separator}${e.speaker.description}` : e.speaker.name;
}
