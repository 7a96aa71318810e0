import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { Aggregates } from './aggregates.js';

const BAD = StatusCode.BadNoCommunication;
const UNCERTAIN = StatusCode.UncertainLastUsableValue;

function row(a: Aggregates, i: number) {
  return {
    count: a.count[i], good: a.good[i], sum: a.sum[i],
    first: [a.firstT[i], a.firstV[i], a.firstS[i]], last: [a.lastT[i], a.lastV[i], a.lastS[i]],
    min: [a.minT[i], a.minV[i], a.minS[i]], max: [a.maxT[i], a.maxV[i], a.maxS[i]],
  };
}

describe('Aggregates', () => {
  it('keeps first and last whatever their status, min and max over usable samples only', () => {
    const a = new Aggregates();
    const i = a.add();
    a.addSample(i, 20, 5, 0);
    a.addSample(i, 10, 999, BAD); // earlier, bad: first, but no min/max
    a.addSample(i, 30, Number.NaN, 0); // no value: last, but no min/max
    a.addSample(i, 28, Number.POSITIVE_INFINITY, 0); // cannot be drawn or summed
    a.addSample(i, 25, -1, UNCERTAIN); // uncertain still counts as a value
    expect(row(a, i)).toEqual({ count: 5, good: 2, sum: 4, first: [10, 999, BAD], last: [30, Number.NaN, 0], min: [25, -1, UNCERTAIN], max: [20, 5, 0] });
  });

  it('gives ties to the earlier sample', () => {
    const a = new Aggregates();
    const i = a.add();
    a.addSample(i, 30, 7, 0);
    a.addSample(i, 10, 7, 0);
    a.addSample(i, 20, 7, 0);
    expect(row(a, i).min).toEqual([10, 7, 0]);
    expect(row(a, i).max).toEqual([10, 7, 0]);
  });

  it('has no min or max when nothing usable arrived', () => {
    const a = new Aggregates();
    const i = a.add();
    a.addSample(i, 10, 1, BAD);
    expect(row(a, i)).toMatchObject({ count: 1, good: 0, min: [Number.NaN, expect.anything(), expect.anything()] });
  });

  it('merging rows in any grouping gives what adding every sample to one row gives', () => {
    const samples: [number, number, number][] = [[5, 3, 0], [1, 8, BAD], [9, -2, 0], [3, 4, UNCERTAIN], [7, Number.NaN, 0], [2, 4, 0]];
    const whole = new Aggregates();
    const w = whole.add();
    for (const [t, v, s] of samples) whole.addSample(w, t, v, s);
    const parts = new Aggregates();
    const halves = [parts.add(), parts.add()];
    samples.forEach(([t, v, s], k) => parts.addSample(halves[k % 2]!, t, v, s));
    const merged = new Aggregates();
    const m = merged.add();
    merged.addRow(m, parts, 1);
    merged.addRow(m, parts, 0);
    expect(row(merged, m)).toEqual(row(whole, w));
  });

  it('grows past its capacity and picks rows as trimmed columns', () => {
    const a = new Aggregates(2);
    for (let k = 0; k < 100; k++) a.addSample(a.add(), k, k * 2, 0);
    const picked = a.pick([3, 99]);
    expect(picked.length).toBe(2);
    expect(Array.from(picked.firstV)).toEqual([6, 198]);
  });
});
