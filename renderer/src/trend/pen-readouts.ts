import type { Unsubscribe } from '../../../shared/contract.js';
import type { PenStats } from './pen-reducer.js';
import type { CursorValue } from './value-at.js';

/** What the legend shows for a pen beside its live value. */
export interface PenReadout {
  /** Over the view. */
  readonly stats: PenStats;
  /** At the cursor time; undefined without a cursor or before the pen's first known value. */
  readonly cursor: CursorValue | undefined;
}

/**
 * The chart's per-frame figures for React, outside React state: the chart publishes at most
 * once per frame, and each legend row re-renders only when its own readout changed.
 */
export class PenReadouts {
  #readouts = new Map<string, PenReadout>();
  #cursorTime: number | null = null;
  readonly #listeners = new Set<() => void>();

  get cursorTime(): number | null {
    return this.#cursorTime;
  }

  get(tagId: string): PenReadout | undefined {
    return this.#readouts.get(tagId);
  }

  /** A pen whose figures did not change keeps its readout object, so its row does not re-render. */
  publish(readouts: ReadonlyMap<string, PenReadout>, cursorTime: number | null): void {
    const next = new Map<string, PenReadout>();
    let changed = cursorTime !== this.#cursorTime || readouts.size !== this.#readouts.size;
    for (const [tagId, readout] of readouts) {
      const old = this.#readouts.get(tagId);
      const same = old !== undefined && sameStats(old.stats, readout.stats) && sameCursor(old.cursor, readout.cursor);
      next.set(tagId, same ? old : readout);
      if (!same) changed = true;
    }
    if (!changed) return;
    this.#readouts = next;
    this.#cursorTime = cursorTime;
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe(listener: () => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

function sameStats(a: PenStats, b: PenStats): boolean {
  return Object.is(a.min, b.min) && Object.is(a.max, b.max) && a.count === b.count && Object.is(a.sum, b.sum) && a.partlyHistory === b.partlyHistory;
}

function sameCursor(a: CursorValue | undefined, b: CursorValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.time === b.time && Object.is(a.value, b.value) && a.status === b.status && a.fromHistory === b.fromHistory;
}
