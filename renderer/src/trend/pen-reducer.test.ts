import { describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../../shared/contract.js';
import { StatusCode } from '../../../shared/status-code.js';
import { SampleRingBuffer } from '../live/sample-ring-buffer.js';
import { type ColumnGrid, type PenInput, PenReducer } from './pen-reducer.js';

type Sample = readonly [time: number, value: number, status?: number];

function ring(samples: readonly Sample[] = []): SampleRingBuffer {
  const series = new SampleRingBuffer({ initialCapacity: 16, maxCapacity: 1 << 20, retainMs: Infinity });
  for (const [time, value, status] of samples) series.push(time, value, status ?? StatusCode.Good);
  return series;
}

/** Ten columns of 10 ms over [0, 100). */
const GRID: ColumnGrid = { origin: 0, width: 10, first: 0, end: 10 };

function reduce(samples: readonly Sample[], input: Partial<PenInput> = {}) {
  const reducer = new PenReducer(16);
  reducer.update({ series: ring(samples), grid: GRID, holdUntil: -Infinity, history: undefined, ...input });
  return { points: pairs(reducer), reducer };
}

function pairs(reducer: PenReducer): [number, number | null][] {
  return reducer.points.x.map((x, i) => [x, reducer.points.y[i]!]);
}

describe('PenReducer', () => {
  it('passes sparse samples through unchanged', () => {
    expect(reduce([[5, 1], [25, 2], [45, 3]]).points).toEqual([[5, 1], [25, 2], [45, 3]]);
  });

  it('keeps a spike narrower than one pixel column at its full height, and a dip too', () => {
    const samples: Sample[] = [];
    for (let i = 0; i < 1000; i++) samples.push([i / 10, i === 503 ? 1000 : i === 704 ? -1000 : 1]);
    const ys = reduce(samples).points.map(([, y]) => y as number);
    expect(Math.max(...ys)).toBe(1000);
    expect(Math.min(...ys)).toBe(-1000);
  });

  it('keeps at most first, min, max and last of each column, in time order', () => {
    const samples: Sample[] = [];
    for (let t = 0; t < 100; t += 0.25) samples.push([t, Math.sin(t * 3)]);
    const { points } = reduce(samples);
    expect(points.length).toBeLessThanOrEqual(10 * 4);
    const xs = points.map(([x]) => x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)).toEqual([99.75, Math.sin(99.75 * 3)]);
  });

  it('emits min and max in the order they happened', () => {
    expect(reduce([[11, 5], [12, 9], [13, 1], [14, 5]]).points).toEqual([[11, 5], [12, 9], [13, 1], [14, 5]]);
    expect(reduce([[11, 5], [12, 1], [13, 9], [14, 4], [15, 5]]).points).toEqual([[11, 5], [12, 1], [13, 9], [15, 5]]);
  });

  it('enters from the left edge with the last sample before the view, and leaves by the right with the first after it', () => {
    expect(reduce([[-30, 4], [-20, 5], [10, 6], [130, 7], [140, 8]]).points).toEqual([[-20, 5], [10, 6], [130, 7]]);
  });

  it('turns bad samples into gaps and never joins good samples across a bad one', () => {
    const { points } = reduce([[5, 1], [15, 2, StatusCode.BadSensorFailure], [25, 3]]);
    expect(points).toEqual([[5, 1], [15, null], [25, 3]]);
    const dense = reduce([[11, 1], [12, 2], [13, 3, StatusCode.BadNoCommunication], [14, 2.5], [25, 4]]).points;
    expect(dense).toEqual([[11, 1], [13, null], [14, 2.5], [25, 4]]);
  });

  it('draws uncertain samples and treats NaN and infinities as gaps', () => {
    expect(reduce([[5, 1, StatusCode.UncertainLastUsableValue], [15, Number.NaN], [25, Number.POSITIVE_INFINITY], [35, 3]]).points).toEqual([
      [5, 1],
      [15, null],
      [25, null],
      [35, 3],
    ]);
  });

  it('holds the newest good value on to holdUntil, within the view, but not a bad one', () => {
    expect(reduce([[5, 1], [15, 2]], { holdUntil: 60 }).points.at(-1)).toEqual([60, 2]);
    expect(reduce([[5, 1], [15, 2]], { holdUntil: 500 }).points.at(-1)).toEqual([100, 2]);
    expect(reduce([[5, 1], [15, 2, StatusCode.BadTimeout]], { holdUntil: 60 }).points.at(-1)).toEqual([15, null]);
  });

  it('has nothing to draw for no samples, or only bad ones', () => {
    expect(reduce([]).points).toEqual([]);
    expect(reduce([[5, 1, StatusCode.BadTimeout]]).points).toEqual([[5, null]]);
    const none = new PenReducer(16);
    none.update({ series: undefined, grid: GRID, holdUntil: 50, history: undefined });
    expect(none.points.x).toEqual([]);
  });

  it('folds samples in as they arrive, giving what a rebuild from scratch gives, while the view slides', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const live = ring();
    const reducer = new PenReducer(16);
    let time = 0;
    for (let frame = 0; frame < 300; frame++) {
      const count = Math.floor(random() * 6);
      for (let i = 0; i < count; i++) {
        time += random() * 3;
        const status = random() < 0.05 ? StatusCode.BadSensorFailure : StatusCode.Good;
        live.push(time, Math.round(random() * 100), status);
      }
      const last = Math.ceil(time / 10);
      const grid = { origin: 0, width: 10, first: last - 10, end: last };
      const input = { series: live, grid, holdUntil: time + 2, history: undefined };
      reducer.update(input);
      const fresh = new PenReducer(16);
      fresh.update(input);
      expect(pairs(reducer)).toEqual(pairs(fresh));
      expect(reducer.stats()).toEqual(fresh.stats());
    }
  });

  it('reports whether anything changed, so an unchanged pen costs no redraw', () => {
    const live = ring([[5, 1]]);
    const reducer = new PenReducer(16);
    const input = { series: live, grid: GRID, holdUntil: -Infinity, history: undefined };
    expect(reducer.update(input)).toBe(true);
    expect(reducer.update(input)).toBe(false);
    live.push(6, 2, StatusCode.Good);
    expect(reducer.update(input)).toBe(true);
  });

  it('starts over when a late sample rewrote the past', () => {
    const live = ring([[5, 1], [25, 3]]);
    const reducer = new PenReducer(16);
    const input = { series: live, grid: GRID, holdUntil: -Infinity, history: undefined };
    reducer.update(input);
    live.push(15, 2, StatusCode.Good);
    reducer.update(input);
    expect(pairs(reducer)).toEqual([[5, 1], [15, 2], [25, 3]]);
  });

  it('draws history older than the oldest sample held, and the samples held after it', () => {
    const history: HistorySeries = {
      tagId: 'plant/T1',
      time: [2, 12, 30, 41],
      value: [7, 8, 9, 99],
      status: [StatusCode.Good, StatusCode.BadNoCommunication, StatusCode.Good, StatusCode.Good],
      truncated: false,
    };
    const { points, reducer } = reduce([[40, 1], [55, 2]], { history });
    expect(points).toEqual([[2, 7], [12, null], [30, 9], [40, 1], [55, 2]]);
    expect(reducer.stats()).toEqual({ count: 4, sum: 19, min: 1, max: 9, partlyHistory: true });
  });

  it('sums up the good samples in view for the legend, with the value held into the view', () => {
    const { reducer } = reduce([[-5, 100], [5, 1], [15, 2, StatusCode.BadTimeout], [25, 3], [150, -100]]);
    expect(reducer.stats()).toEqual({ count: 3, sum: 104, min: 1, max: 100, partlyHistory: false });
    const steady = reduce([[-500, 1]]).reducer;
    expect(steady.stats()).toMatchObject({ count: 1, min: 1, max: 1 });
  });
});
