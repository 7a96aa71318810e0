import type { HistorySeries } from '../../../shared/contract.js';
import type { SampleSeries } from '../live/sample-series.js';
import { lastIndexAtOrBefore } from './last-index-at-or-before.js';

export interface CursorValue {
  /** When the value shown was reported: it holds until the next report. */
  readonly time: number;
  readonly value: number;
  readonly status: number;
  /** Read from a history bucket, not from every sample. */
  readonly fromHistory: boolean;
}

/**
 * The value a pen had at `time`: the last report at or before it, from the samples in memory,
 * else from history older than them. Undefined before the first report known.
 */
export function valueAt(series: SampleSeries | undefined, history: HistorySeries | undefined, time: number): CursorValue | undefined {
  if (series !== undefined) {
    const atOrBefore = lastIndexAtOrBefore(series, time);
    if (atOrBefore >= 0) return { time: series.timeAt(atOrBefore), value: series.valueAt(atOrBefore), status: series.statusAt(atOrBefore), fromHistory: false };
  }
  if (history === undefined) return undefined;
  const oldestHeld = series !== undefined && series.length > 0 ? series.timeAt(0) : Number.POSITIVE_INFINITY;
  let found = -1;
  let low = 0;
  let high = history.time.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (history.time[mid]! <= time) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (found < 0 || history.time[found]! >= oldestHeld) return undefined;
  return { time: history.time[found]!, value: history.value[found]!, status: history.status[found]!, fromHistory: true };
}
