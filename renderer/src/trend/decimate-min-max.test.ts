import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../../shared/status-code.js';
import { SampleRingBuffer } from '../live/sample-ring-buffer.js';
import { type DecimationWindow, type TrendPoints, decimateMinMax } from './decimate-min-max.js';

type Sample = readonly [time: number, value: number, status?: number];

function series(samples: readonly Sample[]): SampleRingBuffer {
  const ring = new SampleRingBuffer({ initialCapacity: 16, maxCapacity: 1 << 16, retainMs: Infinity });
  for (const [time, value, status] of samples) ring.push(time, value, status ?? StatusCode.Good);
  return ring;
}

function decimate(samples: readonly Sample[], window: Partial<DecimationWindow> = {}) {
  const out: TrendPoints = { x: [], y: [] };
  const good = decimateMinMax(series(samples), { from: 0, to: 100, columns: 10, holdUntil: -Infinity, ...window }, out);
  return { points: out.x.map((x, i) => [x, out.y[i]]), good };
}

describe('decimateMinMax', () => {
  it('passes sparse samples through unchanged', () => {
    expect(decimate([[5, 1], [25, 2], [45, 3]]).points).toEqual([[5, 1], [25, 2], [45, 3]]);
  });

  it('keeps a spike narrower than one pixel column at its full height', () => {
    const samples: Sample[] = [];
    for (let i = 0; i < 1000; i++) samples.push([i / 10, i === 503 ? 1000 : 1]);
    const { points } = decimate(samples);
    expect(Math.max(...points.map(([, y]) => y as number))).toBe(1000);
  });

  it('keeps at most two points per interior column, in time order', () => {
    const samples: Sample[] = [];
    for (let t = 0; t < 100; t += 0.5) samples.push([t, Math.sin(t)]);
    const { points } = decimate(samples, { columns: 10 });
    expect(points.length).toBeLessThanOrEqual(10 * 2 + 2);
    const xs = points.map(([x]) => x as number);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('emits min and max in the order they happened', () => {
    expect(decimate([[1, 5], [2, 9], [3, 1], [4, 5]], { columns: 1 }).points).toEqual([[1, 5], [2, 9], [3, 1], [4, 5]]);
    expect(decimate([[11, 5], [12, 1], [13, 9], [14, 5], [25, 0]]).points).toEqual([[11, 5], [12, 1], [13, 9], [25, 0]]);
  });

  it('preserves the first and last samples of the window exactly', () => {
    const samples: Sample[] = [];
    for (let t = 0; t < 100; t += 0.25) samples.push([t, (t * 7) % 3]);
    const { points } = decimate(samples);
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)).toEqual([99.75, (99.75 * 7) % 3]);
  });

  it('keeps the last sample before the window so the line enters from the left edge', () => {
    expect(decimate([[-30, 4], [-20, 5], [10, 6]]).points).toEqual([[-20, 5], [10, 6]]);
  });

  it('turns bad samples into gaps and never joins good samples across a bad one', () => {
    const { points, good } = decimate([[5, 1], [15, 2, StatusCode.BadSensorFailure], [25, 3]]);
    expect(points).toEqual([[5, 1], [15, null], [25, 3]]);
    expect(good).toBe(2);
    const dense = decimate([[11, 1], [12, 2], [13, 3, StatusCode.BadNoCommunication], [25, 4]]).points;
    const lastGoodOfColumn = dense.findIndex(([x]) => x === 12);
    expect(dense[lastGoodOfColumn + 1]).toEqual([13, null]);
  });

  it('draws uncertain samples and treats non-finite values as gaps', () => {
    expect(decimate([[5, 1, StatusCode.UncertainLastUsableValue], [15, Number.NaN], [25, 3]]).points).toEqual([
      [5, 1],
      [15, null],
      [25, 3],
    ]);
  });

  it('holds the newest good value to holdUntil, but not a bad one', () => {
    expect(decimate([[5, 1], [15, 2]], { holdUntil: 100 }).points.at(-1)).toEqual([100, 2]);
    expect(decimate([[5, 1], [15, 2, StatusCode.BadTimeout]], { holdUntil: 100 }).points.at(-1)).toEqual([15, null]);
  });

  it('returns nothing for an empty series and reports no good points for an all-bad one', () => {
    expect(decimate([]).points).toEqual([]);
    expect(decimate([[5, 1, StatusCode.BadTimeout]]).good).toBe(0);
  });
});
