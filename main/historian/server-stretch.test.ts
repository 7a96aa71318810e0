import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { Aggregates } from './aggregates.js';
import { bucketPoints, type Points } from './bucket-points.js';
import { appendPoints, ServerStretch } from './server-stretch.js';

const page = (samples: [number, number, number][]): Points => ({
  time: Float64Array.from(samples.map((s) => s[0])),
  value: Float64Array.from(samples.map((s) => s[1])),
  status: Float64Array.from(samples.map((s) => s[2])),
});

describe('ServerStretch', () => {
  it('keeps a raw read as it came, page after page', () => {
    const stretch = new ServerStretch({ from: 0, to: 100, buckets: 0 });
    stretch.add(page([[1, 10, 0], [2, 11, 0]]));
    stretch.add(page([[3, 12, StatusCode.UncertainLastUsableValue]]));
    expect(stretch.points()).toEqual({ time: [1, 2, 3], value: [10, 11, 12], status: [0, 0, StatusCode.UncertainLastUsableValue] });
  });

  it('buckets pages exactly as the local store buckets the same samples, spikes kept', () => {
    const samples: [number, number, number][] = [];
    for (let t = 0; t < 1000; t += 3) samples.push([t, t === 501 ? 900 : Math.sin(t / 50), t > 800 && t < 850 ? StatusCode.BadSensorFailure : 0]);
    const stretch = new ServerStretch({ from: 0, to: 1000, buckets: 10 });
    // Pages split mid-bucket: the reduction must not care where a page ends.
    stretch.add(page(samples.slice(0, 77)));
    stretch.add(page(samples.slice(77)));

    const local = new Aggregates();
    local.reset(10);
    for (const [t, v, s] of samples) local.addSample(Math.floor(t / 100), t, v, s);
    const expected = bucketPoints(local.pick(local.nonEmpty()));
    const points = stretch.points();
    expect(points).toEqual({ time: Array.from(expected.time), value: Array.from(expected.value), status: Array.from(expected.status) });
    expect(points.value).toContain(900);
  });

  it('leaves out the buckets the server had nothing for', () => {
    const stretch = new ServerStretch({ from: 0, to: 1000, buckets: 10 });
    stretch.add(page([[150, 1, 0], [950, 2, 0]]));
    expect(stretch.points().time).toEqual([150, 950]);
  });
});

describe('appendPoints', () => {
  it('appends up to the limit and says when it left some out', () => {
    const into = { time: [1], value: [1], status: [0] };
    expect(appendPoints(into, { time: [2, 3, 4], value: [2, 3, 4], status: [0, 0, 0] }, 3)).toBe(true);
    expect(into).toEqual({ time: [1, 2, 3], value: [1, 2, 3], status: [0, 0, 0] });
    expect(appendPoints(into, { time: [5], value: [5], status: [0] }, Number.POSITIVE_INFINITY)).toBe(false);
    expect(into.time).toEqual([1, 2, 3, 5]);
  });
});
