import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { Aggregates } from './aggregates.js';
import { bucketPoints, type Points } from './bucket-points.js';

const plain = (p: Points) => ({ time: Array.from(p.time), value: Array.from(p.value), status: Array.from(p.status) });

function buckets(...groups: [number, number, number][][]): Aggregates {
  const a = new Aggregates();
  for (const group of groups) {
    const i = a.add();
    for (const [t, v, s] of group) a.addSample(i, t, v, s);
  }
  return a;
}

describe('bucketPoints', () => {
  it('draws each bucket as its first, min, max and last samples in time order', () => {
    const points = plain(bucketPoints(buckets([[10, 5, 0], [11, 9, 0], [12, 1, 0], [13, 4, 0]])));
    expect(points).toEqual({ time: [10, 11, 12, 13], value: [5, 9, 1, 4], status: [0, 0, 0, 0] });
  });

  it('keeps a one-sample spike between ordinary samples', () => {
    const points = plain(bucketPoints(buckets([[10, 1, 0], [11, 2, 0], [12, 500, 0], [13, 2, 0], [14, 1, 0]])));
    expect(points.value).toContain(500);
    expect(points.time).toEqual([10, 12, 14]);
  });

  it('gives a sample once when it is both first and min', () => {
    const points = plain(bucketPoints(buckets([[10, 0, 0], [11, 9, 0], [12, 3, 0]])));
    expect(points.time).toEqual([10, 11, 12]);
  });

  it('shows a bucket of bad samples by its first and last, with their status', () => {
    const bad = StatusCode.BadSensorFailure;
    const points = plain(bucketPoints(buckets([[1, 0, 0]], [[20, 7, bad], [21, 7, bad], [22, 7, bad]])));
    expect(points).toEqual({ time: [1, 20, 22], value: [0, 7, 7], status: [0, bad, bad] });
  });
});
