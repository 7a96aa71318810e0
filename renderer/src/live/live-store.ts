import type { Unsubscribe } from '../../../shared/contract.js';
import { FRAME_FLAG_SAMPLES_DROPPED, type FrameColumns } from '../../../shared/frame-codec.js';
import { StatusCode } from '../../../shared/status-code.js';
import type { FrameScheduler } from './frame-scheduler.js';
import { LatestValues } from './latest-values.js';
import { RetentionClaims } from './retention-claims.js';
import { DEFAULT_MAX_CAPACITY, DEFAULT_RETAIN_MS, type RingLimits, SampleRingBuffer } from './sample-ring-buffer.js';
import type { SampleSeries } from './sample-series.js';
import { TagIssueCounts, type TagIssues } from './tag-issues.js';

export interface LiveValue {
  readonly time: number;
  readonly value: number;
  readonly status: number;
}

export interface LiveStoreOptions {
  readonly now?: () => number;
  /** What all trended tags' rings may take together. */
  readonly trendMemoryBytes?: number;
}

/** A corrupt tag column must not make the renderer allocate gigabytes of per-tag columns. */
export const MAX_TAG_INDEX = 1 << 20;
/**
 * A sample stamped further ahead of this PC's clock is a clock fault, not a measurement: kept,
 * it would sit at the end of the ring and make every correct sample after it look late.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** The status of the gap marker where main had to drop trended samples. */
export const STATUS_DATA_LOST = StatusCode.BadDataLost;

const DEFAULT_LIMITS: RingLimits = { maxCapacity: DEFAULT_MAX_CAPACITY, retainMs: DEFAULT_RETAIN_MS };

/**
 * The high-rate side of the renderer, outside React: per-tag ring buffers and the latest
 * value table. Appending only marks tags dirty; subscribers hear about a tag at most once per
 * animation frame, however many frames and samples arrived in between.
 */
export class LiveStore {
  readonly #scheduler: FrameScheduler;
  readonly #now: () => number;
  readonly #latest = new LatestValues();
  readonly #rings: (SampleRingBuffer | undefined)[] = [];
  readonly #revisions: number[] = [];
  /** Immutable per-tag snapshots, replaced only when subscribers are notified, as useSyncExternalStore needs. */
  readonly #snapshots: (LiveValue | undefined)[] = [];
  readonly #listeners = new Map<number, Set<() => void>>();
  readonly #dirty = new Set<number>();
  readonly #claims: RetentionClaims;
  readonly #issues = new TagIssueCounts();
  #revision = 0;
  #pendingFrame: number | null = null;
  #rejectedSamples = 0;

  constructor(scheduler: FrameScheduler, options: LiveStoreOptions = {}) {
    this.#scheduler = scheduler;
    this.#now = options.now ?? Date.now;
    this.#claims = new RetentionClaims(options.trendMemoryBytes);
  }

  /** Samples whose tag index was beyond MAX_TAG_INDEX. */
  get rejectedSamples(): number {
    return this.#rejectedSamples;
  }

  /**
   * Every sample updates the latest value; it reaches the ring only with a usable time. With
   * FRAME_FLAG_SAMPLES_DROPPED, each trended tag in the frame gets a gap marker before its
   * first sample: main could not keep everything, and the trend must not bridge the hole.
   */
  append(columns: FrameColumns, flags = 0): void {
    const { count, time, value, tag, status } = columns;
    const latestAllowed = this.#now() + FUTURE_TOLERANCE_MS;
    const marked = (flags & FRAME_FLAG_SAMPLES_DROPPED) !== 0 ? new Set<number>() : null;
    for (let i = 0; i < count; i++) {
      const index = tag[i]!;
      if (index >= MAX_TAG_INDEX) {
        this.#rejectedSamples++;
        continue;
      }
      const t = time[i]!;
      const v = value[i]!;
      const s = status[i]!;
      this.#latest.set(index, t, v, s);
      this.#revisions[index] = ++this.#revision;
      this.#dirty.add(index);
      if (v - v !== 0) this.#issues.count(index, 'nonFinite');
      if (t - t !== 0) {
        this.#issues.count(index, 'badTime');
        continue;
      }
      if (t > latestAllowed) {
        this.#issues.count(index, 'future');
        continue;
      }
      const ring = this.#ring(index);
      if (marked !== null && this.#claims.has(index) && !marked.has(index)) {
        marked.add(index);
        ring.push(t, Number.NaN, STATUS_DATA_LOST);
      }
      if (!ring.push(t, v, s)) this.#issues.count(index, 'outOfOrder');
    }
    this.#schedule();
  }

  /**
   * A gap in every claimed tag of the list at `time` (a connection went down): the trend stops
   * the line there even if the next good sample comes much later. Repeating it is harmless.
   */
  markGap(tags: Iterable<number>, time: number, status: number): void {
    for (const index of tags) {
      const ring = this.#rings[index];
      if (ring === undefined || ring.length === 0 || !this.#claims.has(index)) continue;
      const newest = ring.length - 1;
      if (ring.timeAt(newest) === time && ring.statusAt(newest) === status) continue;
      ring.push(time, Number.NaN, status);
      this.#revisions[index] = ++this.#revision;
    }
  }

  /**
   * An owner (an open trend) says how long each of its tags must be kept, in ms back from the
   * newest sample; an empty map withdraws its claims. Tags nobody claims keep about a minute.
   */
  retain(owner: object, claims: ReadonlyMap<number, number>): void {
    for (const index of this.#claims.set(owner, claims)) {
      this.#rings[index]?.setLimits(this.#claims.limitsFor(index) ?? DEFAULT_LIMITS);
    }
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

  /** Undefined while nothing went wrong with the tag's samples. */
  issues(tag: number): TagIssues | undefined {
    return this.#issues.get(tag);
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

  /** After the core restarts, tag indexes may name other tags: nothing buffered can be trusted. Claims stay. */
  reset(): void {
    for (const ring of this.#rings) ring?.clear();
    this.#rings.length = 0;
    this.#revisions.length = 0;
    this.#snapshots.length = 0;
    this.#latest.clear();
    this.#issues.clear();
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
      ring = new SampleRingBuffer(this.#claims.limitsFor(tag) ?? DEFAULT_LIMITS);
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
