import type { FrameScheduler } from '../live/frame-scheduler.js';

/** A FrameScheduler that runs frames only when told to: for tests, and for reading the code's timing. */
export class ManualFrameScheduler implements FrameScheduler {
  readonly #callbacks = new Map<number, () => void>();
  #next = 1;

  get pending(): number {
    return this.#callbacks.size;
  }

  request(callback: () => void): number {
    const handle = this.#next++;
    this.#callbacks.set(handle, callback);
    return handle;
  }

  cancel(handle: number): void {
    this.#callbacks.delete(handle);
  }

  runFrame(): void {
    const callbacks = [...this.#callbacks.values()];
    this.#callbacks.clear();
    for (const callback of callbacks) callback();
  }
}
