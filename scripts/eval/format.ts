/** Printing figures: percentages, plain-text tables, targets next to the figures. */

/** A percentage with one decimal, e.g. 83.7; "—" when there is nothing to divide by. */
export const pct = (x: number) => (Number.isFinite(x) ? (x * 100).toFixed(1) : '—');

/** `part / whole` as a percentage with one decimal ("—" for 0/0). */
export const rate = (part: number, whole: number) => (whole > 0 ? pct(part / whole) : '—');

/** A plain-text table with a header row. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A figure with its target from the issue: at least (≥) or at most (≤) a percentage. */
export interface Target {
  figure: string;
  /** The figure as a fraction (NaN when it could not be measured). */
  value: number;
  op: '≥' | '≤';
  /** In percent. */
  target: number;
}

/** The targets table: figure, value, target, met. */
export function targetsTable(targets: readonly Target[]): string {
  return table(
    ['figure', 'value', 'target', 'met'],
    targets.map((t) => {
      const v = t.value * 100;
      const met = !Number.isFinite(v) ? '—' : (t.op === '≥' ? v >= t.target : v <= t.target) ? 'yes' : 'NO';
      return [t.figure, pct(t.value), `${t.op} ${t.target}`, met];
    }),
  );
}

/** Article text on one line, cut to `max` characters. */
export function snippet(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
