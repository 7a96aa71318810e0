/** The clock the alarm engine runs against; tests pass a manual one. */
export interface AlarmClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: AlarmClock = {
  now: Date.now,
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    // An alarm deadline never keeps a shutting-down process alive.
    timer.unref?.();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Deadlines (on/off-delays, shelve expiries) for when no further sample comes:
 * a binary min-heap in typed arrays with ONE timer armed for the earliest
 * entry, never a periodic scan. An entry carries a token; the owner compares
 * it with what it still expects, so a cancelled deadline costs nothing to
 * cancel and is simply ignored when it comes due.
 */
export class DeadlineQueue {
  private due = new Float64Array(64);
  private id = new Int32Array(64);
  private token = new Float64Array(64);
  private size = 0;
  private timer: unknown = null;
  private timerDue = Number.POSITIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly clock: AlarmClock,
    private readonly fire: (id: number, token: number) => void,
  ) {}

  get pending(): number {
    return this.size;
  }

  /** `due` is on the clock's timeline (ms since epoch). */
  schedule(due: number, id: number, token: number): void {
    if (this.disposed) return;
    if (this.size === this.due.length) this.grow();
    let i = this.size++;
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.due[parent]! <= due) break;
      this.move(parent, i);
      i = parent;
    }
    this.due[i] = due;
    this.id[i] = id;
    this.token[i] = token;
    if (due < this.timerDue) this.arm();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.size = 0;
  }

  private run(): void {
    this.timer = null;
    this.timerDue = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    while (this.size > 0 && this.due[0]! <= now && !this.disposed) {
      const id = this.id[0]!;
      const token = this.token[0]!;
      this.pop();
      this.fire(id, token);
    }
    if (this.size > 0 && !this.disposed) this.arm();
  }

  private arm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    const due = this.due[0]!;
    this.timerDue = due;
    this.timer = this.clock.setTimeout(() => this.run(), Math.max(0, due - this.clock.now()));
  }

  private pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const due = this.due[last]!;
    const id = this.id[last]!;
    const token = this.token[last]!;
    let i = 0;
    // Sift down.
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.due[right]! < this.due[left]! ? right : left;
      if (this.due[child]! >= due) break;
      this.move(child, i);
      i = child;
    }
    this.due[i] = due;
    this.id[i] = id;
    this.token[i] = token;
  }

  private move(from: number, to: number): void {
    this.due[to] = this.due[from]!;
    this.id[to] = this.id[from]!;
    this.token[to] = this.token[from]!;
  }

  private grow(): void {
    const size = this.due.length * 2;
    const due = new Float64Array(size);
    const id = new Int32Array(size);
    const token = new Float64Array(size);
    due.set(this.due);
    id.set(this.id);
    token.set(this.token);
    this.due = due;
    this.id = id;
    this.token = token;
  }
}
