import { describe, expect, it } from 'vitest';
import { bucketIndex, planSegments, ROLLUP_LEVELS_MS } from './rollup-plan.js';

const H = 3_600_000;
const all = (since: number) => new Map(ROLLUP_LEVELS_MS.map((level) => [level, since]));

describe('planSegments', () => {
  it('takes the coarsest kept level no wider than a bucket', () => {
    expect(planSegments(0, 8 * H, (8 * H) / 1600, all(0), false)).toEqual([{ from: 0, to: 8 * H, levelMs: 15_000 }]);
    expect(planSegments(0, H, H / 100, all(0), false)).toEqual([{ from: 0, to: H, levelMs: 15_000 }]);
    expect(planSegments(0, 30 * 24 * H, (30 * 24 * H) / 1600, all(0), false)).toEqual([{ from: 0, to: 30 * 24 * H, levelMs: 900_000 }]);
  });

  it('reads raw samples when buckets are finer than the finest level, or no level is kept', () => {
    expect(planSegments(0, 60_000, 60_000 / 1600, all(0), false)).toEqual([{ from: 0, to: 60_000, levelMs: 0 }]);
    expect(planSegments(0, 8 * H, 18_000, new Map(), false)).toEqual([{ from: 0, to: 8 * H, levelMs: 0 }]);
  });

  it('hands the part before a level was kept to the next finer kept level, then to raw', () => {
    const since = new Map([
      [1_000, 2 * H],
      [15_000, 3 * H],
    ]);
    expect(planSegments(H, 4 * H, 20_000, since, false)).toEqual([
      { from: H, to: 2 * H, levelMs: 0 },
      { from: 2 * H, to: 3 * H, levelMs: 1_000 },
      { from: 3 * H, to: 4 * H, levelMs: 15_000 },
    ]);
    expect(planSegments(H, 2.5 * H, 20_000, since, false)).toEqual([
      { from: H, to: 2 * H, levelMs: 0 },
      { from: 2 * H, to: 2.5 * H, levelMs: 1_000 },
    ]);
  });

  it('in exact mode only takes levels whose cells tile the buckets', () => {
    // 10 s buckets: 5 s cells tile them, 15 s cells would straddle.
    expect(planSegments(0, H, 10_000, all(0), true)).toEqual([{ from: 0, to: H, levelMs: 5_000 }]);
    // From not on the 5 s grid: only 1 s cells tile.
    expect(planSegments(2_000, 2_000 + H, 10_000, all(0), true)).toEqual([{ from: 2_000, to: 2_000 + H, levelMs: 1_000 }]);
    expect(planSegments(1, 1 + H, 10_000, all(0), true)).toEqual([{ from: 1, to: 1 + H, levelMs: 0 }]);
  });

  it('every level divides the next, so a hand-over point is a cell boundary for all finer levels', () => {
    ROLLUP_LEVELS_MS.forEach((level, i) => {
      if (i > 0) expect(level % ROLLUP_LEVELS_MS[i - 1]!).toBe(0);
    });
  });
});

describe('bucketIndex', () => {
  it('puts a group in the bucket holding its start, clamped to the range', () => {
    expect(bucketIndex(0, 0, 10, 5)).toBe(0);
    expect(bucketIndex(9.99, 0, 10, 5)).toBe(0);
    expect(bucketIndex(10, 0, 10, 5)).toBe(1);
    expect(bucketIndex(-5, 0, 10, 5)).toBe(0);
    expect(bucketIndex(50, 0, 10, 5)).toBe(4);
  });
});
