/**
 * The p-th percentile of `xs` by the nearest-rank rule, 0 for none: what every bench table reports.
 *
 * @example percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
