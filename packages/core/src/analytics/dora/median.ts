/**
 * The median as BigQuery's `PERCENTILE_CONT(x, 0.5)` computes it (linear interpolation between the
 * two middle values), which is what Four Keys' queries use. Null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(mid)] as number;
  const hi = sorted[Math.ceil(mid)] as number;
  return (lo + hi) / 2;
}
