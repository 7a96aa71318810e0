import type { SampleSeries } from './sample-series.js';

/** One minute of a 100 Hz tag is 6000 samples, with margin: what a tag nobody trends may keep. */
export const DEFAULT_MAX_CAPACITY = 8192;
const DEFAULT_INITIAL_CAPACITY = 64;
/** A minute plus margin: samples younger than this are worth growing for. */
export const DEFAULT_RETAIN_MS = 70_000;
/**
 * How far back a late sample may be slotted in among the newest ones. Servers reorder a few
 * samples at most (a publish retried, two monitored items merged); a sample older than that is
 * a clock that jumped, and shifting a whole hour of samples per arrival would stall the page.
 */
export const MAX_INSERT_DEPTH = 64;

export interface RingLimits {
  /** Never hold more than this many samples (the tag's share of the memory budget). */
  readonly maxCapacity: number;
  /** Grow, up to maxCapacity, while the oldest sample is younger than this. */
  readonly retainMs: number;
}

export interface SampleRingBufferOptions extends Partial<RingLimits> {
  readonly initialCapacity?: number;
}

/**
 * Columns of (time, value, status) in time order. It starts small and grows only while the
 * oldest sample is younger than retainMs, so a tag reporting once a second keeps a few hundred
 * slots and only fast tags pay for long windows: thousands of tags fit in memory, and the
 * longest open window of a fast tag costs exactly what it holds.
 */
export class SampleRingBuffer implements SampleSeries {
  #limits: RingLimits;
  #time: Float64Array;
  #value: Float64Array;
  #status: Uint32Array;
  #start = 0;
  #length = 0;
  #stored = 0;
  #rewrites = 0;

  constructor(options: SampleRingBufferOptions = {}) {
    this.#limits = checkedLimits({ maxCapacity: options.maxCapacity ?? DEFAULT_MAX_CAPACITY, retainMs: options.retainMs ?? DEFAULT_RETAIN_MS });
    const capacity = Math.min(positiveInteger(options.initialCapacity ?? DEFAULT_INITIAL_CAPACITY, 'initial capacity'), this.#limits.maxCapacity);
    this.#time = new Float64Array(capacity);
    this.#value = new Float64Array(capacity);
    this.#status = new Uint32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  get capacity(): number {
    return this.#time.length;
  }

  get limits(): RingLimits {
    return this.#limits;
  }

  /** Samples ever stored, appended or inserted: a reader that saw N knows the newest (stored - N) are new. */
  get stored(): number {
    return this.#stored;
  }

  /** Grows when a sample was inserted before newer ones: readers that summarised the past start over. */
  get rewrites(): number {
    return this.#rewrites;
  }

  /**
   * Stores a sample in time order. Returns false, storing nothing, for a sample older than the
   * newest MAX_INSERT_DEPTH samples or older than everything a full ring holds.
   */
  push(time: number, value: number, status: number): boolean {
    if (this.#length > 0 && time < this.timeAt(this.#length - 1)) return this.#insert(time, value, status);
    this.#makeRoom(time);
    const slot = this.#slot(this.#length);
    this.#time[slot] = time;
    this.#value[slot] = value;
    this.#status[slot] = status;
    this.#length++;
    this.#stored++;
    return true;
  }

  timeAt(index: number): number {
    return this.#time[this.#slot(index)]!;
  }

  valueAt(index: number): number {
    return this.#value[this.#slot(index)]!;
  }

  statusAt(index: number): number {
    return this.#status[this.#slot(index)]!;
  }

  /** New limits take effect as samples arrive; a lower cap, or a much shorter retention, gives memory back now. */
  setLimits(limits: RingLimits): void {
    const next = checkedLimits(limits);
    const previous = this.#limits;
    this.#limits = next;
    if (next.maxCapacity < this.capacity) {
      this.#reallocate(next.maxCapacity, Math.min(this.#length, next.maxCapacity));
    } else if (next.retainMs < previous.retainMs / 2 && this.#length > 0) {
      const keep = this.#length - this.#firstIndexWithin(next.retainMs);
      const capacity = Math.max(DEFAULT_INITIAL_CAPACITY, Math.ceil(keep * 1.25));
      if (capacity * 2 <= this.capacity) this.#reallocate(capacity, keep);
    }
  }

  clear(): void {
    this.#start = 0;
    this.#length = 0;
    this.#rewrites++;
  }

  #insert(time: number, value: number, status: number): boolean {
    // Equal times keep arrival order: the late sample goes after those it ties with.
    const floor = Math.max(0, this.#length - MAX_INSERT_DEPTH);
    let at = this.#length;
    while (at > floor && this.timeAt(at - 1) > time) at--;
    if (at > 0 && this.timeAt(at - 1) > time) return false;
    // Older than everything a full ring holds: it would be the next to go.
    if (at === 0 && this.#length === this.capacity && !this.#canGrow(time)) return false;
    if (this.#makeRoom(time)) at--;
    for (let i = this.#length; i > at; i--) this.#copy(i - 1, i);
    const slot = this.#slot(at);
    this.#time[slot] = time;
    this.#value[slot] = value;
    this.#status[slot] = status;
    this.#length++;
    this.#stored++;
    this.#rewrites++;
    return true;
  }

  /** Returns true when it dropped the oldest sample, moving every index down by one. */
  #makeRoom(time: number): boolean {
    if (this.#length < this.capacity) return false;
    if (this.#canGrow(time)) {
      this.#reallocate(Math.min(this.#limits.maxCapacity, this.capacity * 2), this.#length);
      return false;
    }
    this.#start = this.#slot(1);
    this.#length--;
    return true;
  }

  #canGrow(time: number): boolean {
    return this.capacity < this.#limits.maxCapacity && time - this.timeAt(0) < this.#limits.retainMs;
  }

  #firstIndexWithin(retainMs: number): number {
    const oldest = this.timeAt(this.#length - 1) - retainMs;
    let low = 0;
    let high = this.#length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.timeAt(mid) < oldest) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Keeps the newest `keep` samples in fresh columns of `capacity` slots. */
  #reallocate(capacity: number, keep: number): void {
    const time = new Float64Array(capacity);
    const value = new Float64Array(capacity);
    const status = new Uint32Array(capacity);
    const first = this.#length - keep;
    for (let i = 0; i < keep; i++) {
      const slot = this.#slot(first + i);
      time[i] = this.#time[slot]!;
      value[i] = this.#value[slot]!;
      status[i] = this.#status[slot]!;
    }
    this.#time = time;
    this.#value = value;
    this.#status = status;
    this.#start = 0;
    this.#length = keep;
  }

  #copy(from: number, to: number): void {
    const a = this.#slot(from);
    const b = this.#slot(to);
    this.#time[b] = this.#time[a]!;
    this.#value[b] = this.#value[a]!;
    this.#status[b] = this.#status[a]!;
  }

  #slot(index: number): number {
    const slot = this.#start + index;
    return slot >= this.#time.length ? slot - this.#time.length : slot;
  }
}

function checkedLimits(limits: RingLimits): RingLimits {
  positiveInteger(limits.maxCapacity, 'max capacity');
  if (!(limits.retainMs >= 0)) throw new RangeError(`ring retention must be a non-negative number of ms, got ${limits.retainMs}`);
  return { maxCapacity: limits.maxCapacity, retainMs: limits.retainMs };
}

function positiveInteger(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ring ${what} must be a positive integer, got ${n}`);
  return n;
}
