/** One pen's points for uPlot mode 2: a null y is a gap. Reused from frame to frame. */
export interface TrendPoints {
  readonly x: number[];
  readonly y: (number | null)[];
}

/** Aggregates over a stretch of columns: what the legend shows for the view. */
export interface ColumnStats {
  /** Good, finite samples; 0 when the stretch has none (min, max and mean are then NaN). */
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly sum: number;
}

// Per column, interleaved in one Float64Array. Each candidate point keeps its time, its value
// (NaN for a gap) and its ordinal in the column, so points leave in the order they happened.
const COUNT = 0;
const GOOD = 1;
const SUM = 2;
const FIRST_T = 3;
const FIRST_V = 4;
const LAST_T = 5;
const LAST_V = 6;
const MIN_T = 7;
const MIN_V = 8;
const MIN_N = 9;
const MAX_T = 10;
const MAX_V = 11;
const MAX_N = 12;
const GAP_FIRST_T = 13;
const GAP_FIRST_N = 14;
const GAP_LAST_T = 15;
const GAP_LAST_N = 16;
const STRIDE = 17;

// Scratch for ordering one column's candidates; module scope so emitting allocates nothing.
const order = new Float64Array(6);
const times = new Float64Array(6);
const values = new Float64Array(6);

/**
 * First, min, max and last sample per pixel column over a sliding run of absolute columns
 * (column c covers [origin + c·width, origin + (c+1)·width)), plus the first and last gap. A
 * sample is added once, in O(1); the run slides without touching the columns that stay. From
 * these at most six points a column, a line keeps the full height of a spike narrower than a
 * pixel, enters and leaves each column where the signal did, and breaks where a gap was.
 */
export class ColumnBuckets {
  readonly #data: Float64Array;
  readonly #capacity: number;
  /** Absolute number of the oldest column held, and how many are held. */
  #first = 0;
  #count = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    this.#data = new Float64Array(this.#capacity * STRIDE);
  }

  get capacity(): number {
    return this.#capacity;
  }

  get first(): number {
    return this.#first;
  }

  /** One past the newest column held. */
  get end(): number {
    return this.#first + this.#count;
  }

  /** Holds exactly the columns [first, end), all empty. */
  reset(first: number, end: number): void {
    this.#first = first;
    this.#count = 0;
    this.slide(first, end);
  }

  /** Drops columns before `first` and opens empty ones up to `end`; columns in between keep their samples. */
  slide(first: number, end: number): void {
    const count = Math.min(this.#capacity, Math.max(0, end - first));
    first = end - count;
    if (first >= this.end || first < this.#first) {
      this.#first = first;
      this.#count = 0;
    } else {
      this.#count = Math.min(count, this.#count - (first - this.#first));
      this.#first = first;
    }
    while (this.#count < count) this.#data[this.#offset(this.#first + this.#count++) + COUNT] = 0;
  }

  /** `value` is NaN for a sample that must not be drawn (bad quality, not finite). Columns outside the run are ignored. */
  add(column: number, time: number, value: number): void {
    if (column < this.#first || column >= this.end) return;
    const d = this.#data;
    const o = this.#offset(column);
    const n = d[o + COUNT]!;
    if (n === 0) {
      d[o + GOOD] = 0;
      d[o + SUM] = 0;
      d[o + FIRST_T] = time;
      d[o + FIRST_V] = value;
      d[o + GAP_FIRST_N] = -1;
    }
    d[o + LAST_T] = time;
    d[o + LAST_V] = value;
    if (value === value) {
      const good = d[o + GOOD]!;
      if (good === 0 || value < d[o + MIN_V]!) {
        d[o + MIN_T] = time;
        d[o + MIN_V] = value;
        d[o + MIN_N] = n;
      }
      if (good === 0 || value > d[o + MAX_V]!) {
        d[o + MAX_T] = time;
        d[o + MAX_V] = value;
        d[o + MAX_N] = n;
      }
      d[o + GOOD] = good + 1;
      d[o + SUM] = d[o + SUM]! + value;
    } else {
      if (d[o + GAP_FIRST_N]! < 0) {
        d[o + GAP_FIRST_T] = time;
        d[o + GAP_FIRST_N] = n;
      }
      d[o + GAP_LAST_T] = time;
      d[o + GAP_LAST_N] = n;
    }
    d[o + COUNT] = n + 1;
  }

  /** Appends the column's points to `out`, in time order. */
  emit(column: number, out: TrendPoints): void {
    if (column < this.#first || column >= this.end) return;
    const d = this.#data;
    const o = this.#offset(column);
    const n = d[o + COUNT]!;
    if (n === 0) return;
    let k = 0;
    k = candidate(k, 0, d[o + FIRST_T]!, d[o + FIRST_V]!);
    if (d[o + GOOD]! > 0) {
      k = candidate(k, d[o + MIN_N]!, d[o + MIN_T]!, d[o + MIN_V]!);
      k = candidate(k, d[o + MAX_N]!, d[o + MAX_T]!, d[o + MAX_V]!);
    }
    if (d[o + GAP_FIRST_N]! >= 0) {
      k = candidate(k, d[o + GAP_FIRST_N]!, d[o + GAP_FIRST_T]!, Number.NaN);
      k = candidate(k, d[o + GAP_LAST_N]!, d[o + GAP_LAST_T]!, Number.NaN);
    }
    k = candidate(k, n - 1, d[o + LAST_T]!, d[o + LAST_V]!);
    for (let i = 0; i < k; i++) {
      const v = values[i]!;
      out.x.push(times[i]!);
      out.y.push(v === v ? v : null);
    }
  }

  /** Good-sample aggregates over the held columns in [from, to). */
  stats(from: number, to: number): ColumnStats {
    const d = this.#data;
    let count = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = Math.max(from, this.#first), end = Math.min(to, this.end); c < end; c++) {
      const o = this.#offset(c);
      if (d[o + COUNT] === 0 || d[o + GOOD] === 0) continue;
      count += d[o + GOOD]!;
      sum += d[o + SUM]!;
      if (d[o + MIN_V]! < min) min = d[o + MIN_V]!;
      if (d[o + MAX_V]! > max) max = d[o + MAX_V]!;
    }
    return count === 0 ? { count, sum, min: Number.NaN, max: Number.NaN } : { count, sum, min, max };
  }

  #offset(column: number): number {
    const slot = column % this.#capacity;
    return (slot < 0 ? slot + this.#capacity : slot) * STRIDE;
  }
}

/** Inserts a point into the scratch list by ordinal, skipping one already there (a sample can be first and min). */
function candidate(k: number, n: number, time: number, value: number): number {
  let i = k;
  while (i > 0 && order[i - 1]! > n) i--;
  if (i > 0 && order[i - 1] === n) return k;
  for (let j = k; j > i; j--) {
    order[j] = order[j - 1]!;
    times[j] = times[j - 1]!;
    values[j] = values[j - 1]!;
  }
  order[i] = n;
  times[i] = time;
  values[i] = value;
  return k + 1;
}
