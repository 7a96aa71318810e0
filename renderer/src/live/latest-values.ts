/**
 * The newest (time, value, status) of every tag, indexed by TagInfo.index. Columns grow by
 * index, so a frame may name a tag before the tag list has arrived.
 */
export class LatestValues {
  #time = new Float64Array(0);
  #value = new Float64Array(0);
  #status = new Uint32Array(0);
  #present = new Uint8Array(0);

  set(tag: number, time: number, value: number, status: number): void {
    if (tag >= this.#present.length) this.#grow(tag + 1);
    this.#time[tag] = time;
    this.#value[tag] = value;
    this.#status[tag] = status;
    this.#present[tag] = 1;
  }

  has(tag: number): boolean {
    return this.#present[tag] === 1;
  }

  time(tag: number): number {
    return this.#time[tag] ?? Number.NaN;
  }

  value(tag: number): number {
    return this.#value[tag] ?? Number.NaN;
  }

  status(tag: number): number {
    return this.#status[tag] ?? 0;
  }

  clear(): void {
    this.#present.fill(0);
  }

  #grow(minLength: number): void {
    const length = Math.max(minLength, this.#present.length * 2, 64);
    this.#time = copyInto(new Float64Array(length), this.#time);
    this.#value = copyInto(new Float64Array(length), this.#value);
    this.#status = copyInto(new Uint32Array(length), this.#status);
    this.#present = copyInto(new Uint8Array(length), this.#present);
  }
}

function copyInto<T extends Float64Array | Uint32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
