import type { FrameColumns } from '../../shared/frame-codec.js';

/** Growable columnar sample storage; grows by doubling so appends stay O(1) amortised. */
export class SampleColumns implements FrameColumns {
  count = 0;
  time: Float64Array;
  value: Float64Array;
  tag: Uint32Array;
  status: Uint32Array;

  constructor(initialCapacity = 1024) {
    this.time = new Float64Array(initialCapacity);
    this.value = new Float64Array(initialCapacity);
    this.tag = new Uint32Array(initialCapacity);
    this.status = new Uint32Array(initialCapacity);
  }

  /**
   * Empty columns over arrays already filled once (the historian's writer
   * hands each batch's back), so a steady stream allocates no new buffers.
   * Null when the four arrays are not of one length.
   */
  static reusing(arrays: Pick<FrameColumns, 'time' | 'value' | 'tag' | 'status'>): SampleColumns | null {
    const { time, value, tag, status } = arrays;
    if (time.length === 0 || value.length !== time.length || tag.length !== time.length || status.length !== time.length) return null;
    const columns = new SampleColumns(0);
    columns.time = time;
    columns.value = value;
    columns.tag = tag;
    columns.status = status;
    return columns;
  }

  get capacity(): number {
    return this.time.length;
  }

  append(tag: number, time: number, value: number, status: number): void {
    if (this.count === this.time.length) this.grow();
    const i = this.count++;
    this.tag[i] = tag;
    this.time[i] = time;
    this.value[i] = value;
    this.status[i] = status;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    this.time = grown(this.time, new Float64Array(capacity));
    this.value = grown(this.value, new Float64Array(capacity));
    this.tag = grown(this.tag, new Uint32Array(capacity));
    this.status = grown(this.status, new Uint32Array(capacity));
  }
}

function grown<T extends Float64Array | Uint32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
