/** The newest sample of every tag, so a renderer that connects late starts with a full table. */
export class LatestValues {
  private time = new Float64Array(0);
  private value = new Float64Array(0);
  private status = new Uint32Array(0);
  private known = new Uint8Array(0);

  set(tag: number, time: number, value: number, status: number): void {
    if (tag >= this.known.length) this.grow(tag + 1);
    this.time[tag] = time;
    this.value[tag] = value;
    this.status[tag] = status;
    this.known[tag] = 1;
  }

  /** Keeps the last value (an operator wants to see what it was) under a new status. */
  setStatus(tag: number, time: number, status: number): void {
    this.set(tag, time, this.valueOf(tag), status);
  }

  /** A tag the project no longer has: a renderer that connects later must not receive it. */
  forget(tag: number): void {
    if (tag < this.known.length) this.known[tag] = 0;
  }

  valueOf(tag: number): number {
    return this.known[tag] === 1 ? (this.value[tag] ?? Number.NaN) : Number.NaN;
  }

  /** The newest status, or undefined before the first sample. */
  statusOf(tag: number): number | undefined {
    return this.known[tag] === 1 ? this.status[tag] : undefined;
  }

  forEach(visit: (tag: number, time: number, value: number, status: number) => void): void {
    for (let tag = 0; tag < this.known.length; tag++) {
      if (this.known[tag] === 1) visit(tag, this.time[tag] ?? 0, this.value[tag] ?? 0, this.status[tag] ?? 0);
    }
  }

  private grow(min: number): void {
    const size = Math.max(min, this.known.length * 2, 64);
    const time = new Float64Array(size);
    const value = new Float64Array(size);
    const status = new Uint32Array(size);
    const known = new Uint8Array(size);
    time.set(this.time);
    value.set(this.value);
    status.set(this.status);
    known.set(this.known);
    Object.assign(this, { time, value, status, known });
  }
}
