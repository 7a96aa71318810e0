import type { SampleSeries } from './sample-series.js';

/** One minute of a 100 Hz tag is 6000 samples; the next power of two leaves margin and makes wrap-around a mask. */
export const DEFAULT_MAX_CAPACITY = 8192;
const DEFAULT_INITIAL_CAPACITY = 64;
/** The trend window plus margin: samples younger than this are worth growing for. */
const DEFAULT_RETAIN_MS = 70_000;

export interface SampleRingBufferOptions {
  readonly initialCapacity?: number;
  readonly maxCapacity?: number;
  readonly retainMs?: number;
}

/**
 * Fixed-size columns of (time, value, status). It starts small and doubles only while the
 * oldest sample is still younger than retainMs, so a tag reporting once a second keeps about
 * a hundred slots and only fast tags pay for the full capacity: thousands of tags fit in memory.
 */
export class SampleRingBuffer implements SampleSeries {
  readonly maxCapacity: number;
  readonly retainMs: number;
  #time: Float64Array;
  #value: Float64Array;
  #status: Uint32Array;
  #mask: number;
  #start = 0;
  #length = 0;

  constructor(options: SampleRingBufferOptions = {}) {
    this.maxCapacity = nextPowerOfTwo(options.maxCapacity ?? DEFAULT_MAX_CAPACITY);
    this.retainMs = options.retainMs ?? DEFAULT_RETAIN_MS;
    const capacity = Math.min(nextPowerOfTwo(options.initialCapacity ?? DEFAULT_INITIAL_CAPACITY), this.maxCapacity);
    this.#time = new Float64Array(capacity);
    this.#value = new Float64Array(capacity);
    this.#status = new Uint32Array(capacity);
    this.#mask = capacity - 1;
  }

  get length(): number {
    return this.#length;
  }

  get capacity(): number {
    return this.#time.length;
  }

  push(time: number, value: number, status: number): void {
    if (this.#length === this.capacity) {
      if (this.capacity < this.maxCapacity && time - this.timeAt(0) < this.retainMs) {
        this.#grow();
      } else {
        this.#start = (this.#start + 1) & this.#mask;
        this.#length--;
      }
    }
    const slot = (this.#start + this.#length) & this.#mask;
    this.#time[slot] = time;
    this.#value[slot] = value;
    this.#status[slot] = status;
    this.#length++;
  }

  timeAt(index: number): number {
    return this.#time[(this.#start + index) & this.#mask]!;
  }

  valueAt(index: number): number {
    return this.#value[(this.#start + index) & this.#mask]!;
  }

  statusAt(index: number): number {
    return this.#status[(this.#start + index) & this.#mask]!;
  }

  clear(): void {
    this.#start = 0;
    this.#length = 0;
  }

  #grow(): void {
    const capacity = this.capacity * 2;
    const time = new Float64Array(capacity);
    const value = new Float64Array(capacity);
    const status = new Uint32Array(capacity);
    for (let i = 0; i < this.#length; i++) {
      time[i] = this.timeAt(i);
      value[i] = this.valueAt(i);
      status[i] = this.statusAt(i);
    }
    this.#time = time;
    this.#value = value;
    this.#status = status;
    this.#mask = capacity - 1;
    this.#start = 0;
  }
}

function nextPowerOfTwo(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ring capacity must be a positive integer, got ${n}`);
  return 2 ** Math.ceil(Math.log2(n));
}
