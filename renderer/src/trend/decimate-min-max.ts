import { qualityOf } from '../../../shared/status-code.js';
import type { SampleSeries } from '../live/sample-series.js';
import { firstIndexAtOrAfter } from './first-index-at-or-after.js';

/** One pen's points for uPlot mode 2: null y is a gap. Reused from frame to frame. */
export interface TrendPoints {
  readonly x: number[];
  readonly y: (number | null)[];
}

export interface DecimationWindow {
  readonly from: number;
  readonly to: number;
  /** Pixel columns across the window. */
  readonly columns: number;
  /** Draws the newest good value on to this time (OPC UA reports on change: the value holds until the next sample). */
  readonly holdUntil: number;
}

// The sample indexes one column keeps, in index (= time) order; module scope so reducing a
// frame allocates nothing per column.
const candidates = new Int32Array(6);
let candidateCount = 0;

/**
 * Reduces a tag's samples in the window to at most the min and the max of each pixel column,
 * in time order, so a spike narrower than a pixel still reaches its full height. The first and
 * last samples of the window and the last sample before it are kept exactly, so the line meets
 * both edges. A bad (or non-finite) sample becomes a null, and across columns the line never
 * joins two good samples that have a bad one between them; inside one column the good min..max
 * is one vertical stroke, which is all a pixel can show. Returns the number of non-null points.
 */
export function decimateMinMax(series: SampleSeries, window: DecimationWindow, out: TrendPoints): number {
  out.x.length = 0;
  out.y.length = 0;
  const n = series.length;
  if (n === 0) return 0;
  const columnWidth = (window.to - window.from) / Math.max(1, window.columns);
  const start = firstIndexAtOrAfter(series, window.from);
  let good = 0;
  if (start > 0) good += emit(series, start - 1, out);

  let column = Number.NaN;
  let first = -1;
  let last = -1;
  let min = -1;
  let max = -1;
  let firstBad = -1;
  let lastBad = -1;
  let isFirstColumn = true;

  const flush = (isLastColumn: boolean) => {
    candidateCount = 0;
    addCandidate(min);
    addCandidate(max);
    addCandidate(firstBad);
    addCandidate(lastBad);
    if (isFirstColumn) addCandidate(first);
    if (isLastColumn) addCandidate(last);
    for (let k = 0; k < candidateCount; k++) good += emit(series, candidates[k]!, out);
    isFirstColumn = false;
  };

  for (let i = start; i < n; i++) {
    const c = Math.floor((series.timeAt(i) - window.from) / columnWidth);
    if (c !== column) {
      if (first >= 0) flush(false);
      column = c;
      first = i;
      min = max = firstBad = lastBad = -1;
    }
    last = i;
    if (isGood(series, i)) {
      const value = series.valueAt(i);
      if (min < 0 || value < series.valueAt(min)) min = i;
      if (max < 0 || value > series.valueAt(max)) max = i;
    } else {
      if (firstBad < 0) firstBad = i;
      lastBad = i;
    }
  }
  if (first >= 0) flush(true);

  const newest = n - 1;
  if (isGood(series, newest) && window.holdUntil > series.timeAt(newest)) {
    out.x.push(window.holdUntil);
    out.y.push(series.valueAt(newest));
    good++;
  }
  return good;
}

function addCandidate(index: number): void {
  if (index < 0) return;
  for (let k = 0; k < candidateCount; k++) if (candidates[k] === index) return;
  let k = candidateCount++;
  while (k > 0 && candidates[k - 1]! > index) {
    candidates[k] = candidates[k - 1]!;
    k--;
  }
  candidates[k] = index;
}

function isGood(series: SampleSeries, index: number): boolean {
  return qualityOf(series.statusAt(index)) !== 'bad' && Number.isFinite(series.valueAt(index));
}

function emit(series: SampleSeries, index: number, out: TrendPoints): number {
  out.x.push(series.timeAt(index));
  if (isGood(series, index)) {
    out.y.push(series.valueAt(index));
    return 1;
  }
  out.y.push(null);
  return 0;
}
