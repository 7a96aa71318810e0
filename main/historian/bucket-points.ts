import type { AggregateColumns } from './aggregates.js';

export interface Points {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Float64Array;
}

/**
 * The points a trend draws for its buckets: each non-empty bucket's first,
 * min, max and last sample, in time order, each once (the first sample is
 * often also the min). A bucket with only bad samples gives its first and
 * last. Because every point is a real sample at its real time, a spike
 * narrower than a bucket is drawn where and as high as it happened.
 */
export function bucketPoints(rows: AggregateColumns): Points {
  const time = new Float64Array(rows.length * 4);
  const value = new Float64Array(rows.length * 4);
  const status = new Float64Array(rows.length * 4);
  let n = 0;
  // Per bucket: the row's four samples as (time, which) pairs, sorted in place; no allocation per bucket.
  const order = [0, 1, 2, 3];
  const times = [0, 0, 0, 0];
  const columns = [
    [rows.firstT, rows.firstV, rows.firstS],
    [rows.minT, rows.minV, rows.minS],
    [rows.maxT, rows.maxV, rows.maxS],
    [rows.lastT, rows.lastV, rows.lastS],
  ] as const;
  for (let i = 0; i < rows.length; i++) {
    const candidates = rows.good[i]! > 0 ? 4 : 2;
    for (let k = 0; k < 4; k++) {
      order[k] = candidates === 4 ? k : k === 0 ? 0 : 3;
      times[k] = columns[order[k]!]![0][i]!;
    }
    for (let a = 1; a < candidates; a++) {
      for (let b = a; b > 0 && times[b - 1]! > times[b]!; b--) {
        [times[b - 1], times[b]] = [times[b]!, times[b - 1]!];
        [order[b - 1], order[b]] = [order[b]!, order[b - 1]!];
      }
    }
    for (let k = 0; k < candidates; k++) {
      if (k > 0 && times[k] === times[k - 1]) continue;
      const [t, v, s] = columns[order[k]!]!;
      time[n] = t[i]!;
      value[n] = v[i]!;
      status[n] = s[i]!;
      n++;
    }
  }
  return { time: time.slice(0, n), value: value.slice(0, n), status: status.slice(0, n) };
}
