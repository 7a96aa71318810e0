import { describe, expect, it } from 'vitest';
import { bucketIndex, planSegments, ROLLUP_LEVELS_MS, sourceOf, writtenThrough, type TagLevels } from './rollup-plan.js';

const H = 3_600_000;
/** Long after every range below: all their cells have closed. */
const LATER = 365 * 24 * H;
const kept = (since: ReadonlyMap<number, number>, newest = LATER): TagLevels => ({ since, newest });
const all = (since: number, newest = LATER) => kept(new Map(ROLLUP_LEVELS_MS.map((level) => [level, since])), newest);

describe('planSegments', () => {
  it('takes the coarsest kept level no wider than a bucket', () => {
    expect(planSegments(0, 8 * H, (8 * H) / 1600, all(0), false)).toEqual([{ from: 0, to: 8 * H, levelMs: 15_000 }]);
    expect(planSegments(0, H, H / 100, all(0), false)).toEqual([{ from: 0, to: H, levelMs: 15_000 }]);
    expect(planSegments(0, 30 * 24 * H, (30 * 24 * H) / 1600, all(0), false)).toEqual([{ from: 0, to: 30 * 24 * H, levelMs: 900_000 }]);
  });

  it('reads raw samples when buckets are finer than the finest level, or no level is kept', () => {
    expect(planSegments(0, 60_000, 60_000 / 1600, all(0), false)).toEqual([{ from: 0, to: 60_000, levelMs: 0 }]);
    expect(planSegments(0, 8 * H, 18_000, kept(new Map()), false)).toEqual([{ from: 0, to: 8 * H, levelMs: 0 }]);
  });

  it('hands the part before a level was kept to the next finer kept level, then to raw', () => {
    const since = new Map([
      [1_000, 2 * H],
      [15_000, 3 * H],
    ]);
    expect(planSegments(H, 4 * H, 20_000, kept(since), false)).toEqual([
      { from: H, to: 2 * H, levelMs: 0 },
      { from: 2 * H, to: 3 * H, levelMs: 1_000 },
      { from: 3 * H, to: 4 * H, levelMs: 15_000 },
    ]);
    expect(planSegments(H, 2.5 * H, 20_000, kept(since), false)).toEqual([
      { from: H, to: 2 * H, levelMs: 0 },
      { from: 2 * H, to: 2.5 * H, levelMs: 1_000 },
    ]);
  });

  it('reads the cells still open at the tag\'s newest sample from finer levels, and the open second raw', () => {
    expect(planSegments(0, 8 * H, 18_000, all(0, 8 * H - 1), false)).toEqual([
      { from: 0, to: 8 * H - 15_000, levelMs: 15_000 },
      { from: 8 * H - 15_000, to: 8 * H - 5_000, levelMs: 5_000 },
      { from: 8 * H - 5_000, to: 8 * H - 1_000, levelMs: 1_000 },
      { from: 8 * H - 1_000, to: 8 * H, levelMs: 0 },
    ]);
    // Exact buckets hand over on cell boundaries too, so every bucket still tiles.
    expect(planSegments(0, H, 10_000, all(0, H - 1), true)).toEqual([
      { from: 0, to: H - 5_000, levelMs: 5_000 },
      { from: H - 5_000, to: H - 1_000, levelMs: 1_000 },
      { from: H - 1_000, to: H, levelMs: 0 },
    ]);
    expect(planSegments(0, H, 10_000, all(0, Number.NEGATIVE_INFINITY), false)).toEqual([{ from: 0, to: H, levelMs: 0 }]);
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

describe('stored cells', () => {
  it('a level is stored up to the start of the cell holding the tag\'s newest sample', () => {
    expect(writtenThrough(1_000, 8 * H + 7_500)).toBe(8 * H + 7_000);
    expect(writtenThrough(5_000, 8 * H + 7_500)).toBe(8 * H + 5_000);
    expect(writtenThrough(H, 8 * H + 7_500)).toBe(8 * H);
    expect(writtenThrough(H, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('a cell not held in memory is summed from the coarsest finer level stored over all of it, else from samples', () => {
    const since = new Map([
      [1_000, H],
      [5_000, 2 * H],
      [60_000, 0],
    ]);
    expect(sourceOf(60_000, (2 * H) / 60_000, since)).toBe(5_000);
    // Before the 5 s level was kept, the 1 s one holds the whole minute; before that, only the samples.
    expect(sourceOf(60_000, H / 60_000, since)).toBe(1_000);
    expect(sourceOf(60_000, 0, since)).toBe(0);
    expect(sourceOf(1_000, (3 * H) / 1_000, since)).toBe(0);
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
