/** The value at or just above the p-th percentile of `values` (p 50: the median); NaN for none. */
export function percentile(values: ArrayLike<number>, p: number): number {
  // A Float64Array sorts numerically without a comparator, fast enough for a million latencies.
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}
