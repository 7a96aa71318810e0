import type { Unsubscribe } from '../../../shared/contract.js';
import type { FrameColumns } from '../../../shared/frame-codec.js';
import type { FrameScheduler } from './frame-scheduler.js';
import { LatestValues } from './latest-values.js';
import { SampleRingBuffer } from './sample-ring-buffer.js';
import type { SampleSeries } from './sample-series.js';

export interface LiveValue {
  readonly time: number;
  readonly value: number;
  readonly status: number;
}

/** A corrupt tag column must not make the renderer allocate gigabytes of per-tag columns. */
export const MAX_TAG_INDEX = 1 << 20;

/**
 * The high-rate side of the renderer, outside React: per-tag ring buffers and the latest
 * value table. Appending only marks tags dirty; subscribers hear about a tag at most once per
 * animation frame, however many frames and samples arrived in between.
 */
export class LiveStore {
  readonly #scheduler: FrameScheduler;
  readonly #latest = new LatestValues();
  readonly #rings: (SampleRingBuffer | undefined)[] = [];
  readonly #revisions: number[] = [];
  /** Immutable per-tag snapshots, replaced only when subscribers are notified, as useSyncExternalStore needs. */
  readonly #snapshots: (LiveValue | undefined)[] = [];
  readonly #listeners = new Map<number, Set<() => void>>();
  readonly #dirty = new Set<number>();
  #revision = 0;
  #pendingFrame: number | null = null;
  #rejectedSamples = 0;

  constructor(scheduler: FrameScheduler) {
    this.#scheduler = scheduler;
  }

  /** Samples whose tag index was beyond MAX_TAG_INDEX. */
  get rejectedSamples(): number {
    return this.#rejectedSamples;
  }

  append(columns: FrameColumns): void {
    const { count, time, value, tag, status } = columns;
    for (let i = 0; i < count; i++) {
      const index = tag[i]!;
      if (index >= MAX_TAG_INDEX) {
        this.#rejectedSamples++;
        continue;
      }
      const t = time[i]!;
      const v = value[i]!;
      const s = status[i]!;
      this.#ring(index).push(t, v, s);
      this.#latest.set(index, t, v, s);
      this.#revisions[index] = ++this.#revision;
      this.#dirty.add(index);
    }
    this.#schedule();
  }

  latest(tag: number): LiveValue | undefined {
    const cached = this.#snapshots[tag];
    if (cached !== undefined || !this.#latest.has(tag)) return cached;
    const snapshot = { time: this.#latest.time(tag), value: this.#latest.value(tag), status: this.#latest.status(tag) };
    this.#snapshots[tag] = snapshot;
    return snapshot;
  }

  samples(tag: number): SampleSeries | undefined {
    return this.#rings[tag];
  }

  /** Changes whenever the tag's samples change, so a chart can skip redrawing an unchanged pen. */
  revision(tag: number): number {
    return this.#revisions[tag] ?? 0;
  }

  subscribe(tag: number, listener: () => void): Unsubscribe {
    let listeners = this.#listeners.get(tag);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(tag, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(tag);
    };
  }

  /** After the core restarts, tag indexes may name other tags: nothing buffered can be trusted. */
  reset(): void {
    this.#rings.length = 0;
    this.#revisions.length = 0;
    this.#snapshots.length = 0;
    this.#latest.clear();
    for (const tag of this.#listeners.keys()) this.#dirty.add(tag);
    this.#schedule();
  }

  dispose(): void {
    if (this.#pendingFrame !== null) this.#scheduler.cancel(this.#pendingFrame);
    this.#pendingFrame = null;
    this.#listeners.clear();
    this.#dirty.clear();
  }

  #ring(tag: number): SampleRingBuffer {
    let ring = this.#rings[tag];
    if (ring === undefined) {
      ring = new SampleRingBuffer();
      this.#rings[tag] = ring;
    }
    return ring;
  }

  #schedule(): void {
    if (this.#pendingFrame !== null || this.#dirty.size === 0) return;
    this.#pendingFrame = this.#scheduler.request(() => this.#notify());
  }

  #notify(): void {
    this.#pendingFrame = null;
    const dirty = [...this.#dirty];
    this.#dirty.clear();
    for (const tag of dirty) {
      this.#snapshots[tag] = undefined;
      const listeners = this.#listeners.get(tag);
      if (listeners === undefined) continue;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          console.error(`Tidewatch: a subscriber of tag ${tag} threw`, error);
        }
      }
    }
  }
}
