import type { SampleSeries } from '../live/sample-series.js';

/** Binary search for the newest sample at or before `time`; -1 when every sample is later. */
export function lastIndexAtOrBefore(series: SampleSeries, time: number): number {
  let low = 0;
  let high = series.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (series.timeAt(mid) <= time) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
