/**
 * Rollup cell widths in ms. Each divides the next, so a boundary at one
 * level is a cell boundary at every finer one and a query can hand a range
 * from a coarse level to a finer one without a partial cell in between.
 * Neighbours differ by at most 5x: a query never reads more than about
 * 5 rollup rows per bucket.
 */
export const ROLLUP_LEVELS_MS = [1_000, 5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000] as const;

/** Retention cuts at this grid, so no level is left with a cell that lost part of its samples. */
export const COARSEST_LEVEL_MS = 3_600_000;

/**
 * A level is kept for a tag once one of its cells has held this many samples:
 * below that a rollup row (about 3 raw rows' worth of bytes) costs more than
 * the raw rows it would summarise. A 1 Hz tag thus gets rollups from 15 s up,
 * a 10 Hz tag from 1 s up.
 */
export const ENABLE_LEVEL_AT_SAMPLES = 8;

export interface PlanSegment {
  readonly from: number;
  readonly to: number;
  /** 0: raw samples. */
  readonly levelMs: number;
}

/**
 * Which level answers which part of [from, to) for buckets `bucketMs` wide:
 * the coarsest kept level no wider than a bucket, from the time it was kept
 * on (`since`, ms, a multiple of the level); before that the next finer one,
 * and raw samples where no level fits.
 * `exact` (CSV export) only takes a level whose cells tile the buckets
 * exactly, so every bucket aggregates exactly its own samples.
 */
export function planSegments(from: number, to: number, bucketMs: number, since: ReadonlyMap<number, number>, exact: boolean): PlanSegment[] {
  const candidates = ROLLUP_LEVELS_MS.filter((level) => level <= bucketMs && since.has(level) && (!exact || (bucketMs % level === 0 && from % level === 0)));
  const plan = (start: number, end: number, levels: readonly number[]): PlanSegment[] => {
    if (start >= end) return [];
    const level = levels[levels.length - 1];
    if (level === undefined) return [{ from: start, to: end, levelMs: 0 }];
    const kept = since.get(level) ?? Number.POSITIVE_INFINITY;
    const finer = levels.slice(0, -1);
    if (kept <= start) return [{ from: start, to: end, levelMs: level }];
    if (kept >= end) return plan(start, end, finer);
    return [...plan(start, kept, finer), { from: kept, to: end, levelMs: level }];
  };
  return plan(from, to, candidates);
}

/**
 * The bucket a group of samples (one raw sample, or one rollup cell) falls in:
 * the one holding the group's start. A cell may reach past its bucket's end
 * by less than its own width (never more than a bucket); its points keep
 * their true times.
 */
export function bucketIndex(start: number, from: number, bucketMs: number, buckets: number): number {
  const index = Math.floor((start - from) / bucketMs);
  return index < 0 ? 0 : index >= buckets ? buckets - 1 : index;
}
