/** Renders results for a terminal (the CLI without --json, and console mode). */
import { emptyMessage } from '../commands/empty.js';
import type { CommandResult, Excerpt, HelpEntry, SourceEntry } from '../commands/results.js';
import { citationPlace, speakerLabel } from './citation.js';

/** A human-readable rendering of a result, ending without a newline. */
export function toText(result: CommandResult): string {
  if (result.kind === 'failed') return `Error: ${result.error.message}`;
  const lines: string[] = [];
  if (result.notice) lines.push(result.notice, '');
  switch (result.kind) {
    case 'sources':
      lines.push(...sourcesText(result.results));
      break;
    case 'help':
      lines.push(...helpText(result.results));
      break;
    case 'excerpts':
      if (result.results.length === 0) lines.push(emptyMessage(result.command, result.input));
      result.results.forEach((e, i) => {
        lines.push(...excerptText(e, i + 1), '');
      });
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Where an excerpt is: title, id, paragraph and sentence, and the link if there is one. */
export function citationLabel(e: Excerpt): string {
  const c = e.citation;
  return `${c.title} (${c.article}), ${citationPlace(e)}${c.url ? ` — ${c.url}` : ''}`;
}

function excerptText(e: Excerpt, n: number): string[] {
  const lines = [`${n}. ${oneLine(e.text)}`];
  const speaker = speakerLabel(e);
  if (speaker) lines.push(`   — ${speaker}`);
  if (e.diff?.some((d) => d.op !== 'same')) lines.push(`   differs: ${diffText(e)}`);
  lines.push(`   [${citationLabel(e)}]`);
  return lines;
}

/** The word-level diff as text: [-removed-] {+added+}. */
export function diffText(e: Excerpt): string {
  return (e.diff ?? [])
    .map((d) => (d.op === 'same' ? d.text : d.op === 'removed' ? `[-${d.text}-]` : `{+${d.text}+}`))
    .join(' ');
}

function sourcesText(entries: SourceEntry[]): string[] {
  return entries.map((s, i) => {
    const meta = [s.source, s.published].filter(Boolean).join(', ');
    return `${i + 1}. ${s.title}${meta ? ` (${meta})` : ''}\n   id ${s.article} · ${s.sentences} sentences · ${s.statements} statements${s.library !== 'shared' ? ` · ${s.library} library` : ''}${s.url ? ` · ${s.url}` : ''}`;
  });
}

function helpText(entries: HelpEntry[]): string[] {
  const width = Math.max(...entries.map((e) => e.usage.length));
  return [
    ...entries.map((e) => `  /${e.usage.padEnd(width)}  ${e.description}`),
    '',
    'Options go as name:value, e.g. /summary sentences:3 article:<id>.',
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
