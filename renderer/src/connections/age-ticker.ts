import { formatAge } from './value-age.js';

const TICK_MS = 1000;

/**
 * Keeps every shown value's age current with one timer, writing the text
 * straight into each cell: ten thousand rows ageing every second must not
 * mean ten thousand React renders a second.
 */
export class AgeTicker {
  private readonly cells = new Map<HTMLElement, number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Shows `time`'s age in `cell` from now on; returns the function that stops it. */
  track(cell: HTMLElement, time: number): () => void {
    this.cells.set(cell, time);
    cell.textContent = formatAge(this.now() - time);
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    return () => {
      this.cells.delete(cell);
      if (this.cells.size === 0) this.dispose();
    };
  }

  tick(): void {
    const now = this.now();
    for (const [cell, time] of this.cells) cell.textContent = formatAge(now - time);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** One ticker for the page: the cells share its timer. */
export const pageAgeTicker = new AgeTicker();
