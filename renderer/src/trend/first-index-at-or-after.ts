import type { SampleSeries } from '../live/sample-series.js';

/** Binary search over a tag's samples, which arrive in source-time order. */
export function firstIndexAtOrAfter(series: SampleSeries, time: number): number {
  let low = 0;
  let high = series.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (series.timeAt(mid) < time) low = mid + 1;
    else high = mid;
  }
  return low;
}
