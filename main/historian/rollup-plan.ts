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

/** What decides which of a tag's rollup cells are stored. */
export interface TagLevels {
  /** Level -> ms from which it is kept, a multiple of the level. */
  readonly since: ReadonlyMap<number, number>;
  /** The tag's newest stored sample time. Too low is safe: more of a query is read from finer levels. */
  readonly newest: number;
}

/**
 * Where a level's stored cells end: the start of the cell holding the tag's
 * newest sample. A cell is written once, when the tag's samples pass its end
 * (history-writer.ts); a query reads the open one from finer levels.
 */
export function writtenThrough(level: number, newest: number): number {
  return Math.floor(newest / level) * level;
}

/**
 * What a closing cell is summed from when the writer does not hold it whole
 * in memory: the coarsest finer level stored over all of it, else (0) the
 * raw samples.
 */
export function sourceOf(level: number, cell: number, since: ReadonlyMap<number, number>): number {
  return ROLLUP_LEVELS_MS.filter((finer) => finer < level && (since.get(finer) ?? Number.POSITIVE_INFINITY) <= cell * level).at(-1) ?? 0;
}

/**
 * Which level answers which part of [from, to) for buckets `bucketMs` wide:
 * the coarsest kept level no wider than a bucket, where its cells are stored
 * (from `since`, up to `writtenThrough`); elsewhere the next finer one, and
 * raw samples where no level fits.
 * `exact` (CSV export) only takes a level whose cells tile the buckets
 * exactly, so every bucket aggregates exactly its own samples.
 */
export function planSegments(from: number, to: number, bucketMs: number, levels: TagLevels, exact: boolean): PlanSegment[] {
  const candidates = ROLLUP_LEVELS_MS.filter((level) => level <= bucketMs && levels.since.has(level) && (!exact || (bucketMs % level === 0 && from % level === 0)));
  const plan = (start: number, end: number, usable: readonly number[]): PlanSegment[] => {
    if (start >= end) return [];
    const level = usable[usable.length - 1];
    if (level === undefined) return [{ from: start, to: end, levelMs: 0 }];
    const finer = usable.slice(0, -1);
    const stored = Math.max(start, levels.since.get(level)!);
    const storedEnd = Math.min(end, writtenThrough(level, levels.newest));
    if (stored >= storedEnd) return plan(start, end, finer);
    return [...plan(start, stored, finer), { from: stored, to: storedEnd, levelMs: level }, ...plan(storedEnd, end, finer)];
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
