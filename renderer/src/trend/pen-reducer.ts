import type { HistorySeries } from '../../../shared/contract.js';
import type { SampleSeries } from '../live/sample-series.js';
import { type ColumnStats, ColumnBuckets, type TrendPoints } from './column-buckets.js';
import { drawableValue } from './drawable-value.js';
import { firstIndexAtOrAfter } from './first-index-at-or-after.js';

/** The pixel columns in view: column c covers [origin + c·width, origin + (c+1)·width). */
export interface ColumnGrid {
  readonly origin: number;
  readonly width: number;
  /** First column in view, and one past the last. */
  readonly first: number;
  readonly end: number;
}

export interface PenInput {
  readonly series: SampleSeries | undefined;
  readonly grid: ColumnGrid;
  /** Draws the newest good value on to this time (values hold until the next report); -Infinity for not at all. */
  readonly holdUntil: number;
  /** History behind the samples in memory; only its part older than the oldest sample held is drawn. */
  readonly history: HistorySeries | undefined;
}

export interface PenStats extends ColumnStats {
  /** Some of the figures come from history buckets (their extremes), not from every sample. */
  readonly partlyHistory: boolean;
}

export function gridTime(grid: ColumnGrid, column: number): number {
  return grid.origin + column * grid.width;
}

/**
 * One pen, from its samples to the points uPlot draws. Samples are folded into per-column
 * buckets as they arrive, each exactly once; a frame re-emits only the columns that changed.
 * Everything is rebuilt only when the grid changes (zoom, resize, another window), the
 * history changes, or a late sample rewrote the past.
 */
export class PenReducer {
  readonly points: TrendPoints = { x: [], y: [] };
  readonly #buckets: ColumnBuckets;
  /** Per column in view: where its points start. */
  readonly #pointStart: Int32Array;
  #series: SampleSeries | undefined;
  #rewrites = -1;
  #grid: ColumnGrid = { origin: Number.NaN, width: Number.NaN, first: 0, end: 0 };
  #history: HistorySeries | undefined;
  /** The `stored` count of the next sample not yet in a bucket. */
  #next = 0;
  #columnsEnd = 0;
  /** The newest column with points; first - 1 when only the head has any. */
  #lastPointColumn = Number.NEGATIVE_INFINITY;
  #dirtyColumn = Number.POSITIVE_INFINITY;
  #hold = Number.NaN;
  /** The value in force as the view begins (the last report before it), NaN for none: it holds into the view. */
  #entry = Number.NaN;

  constructor(maxColumns: number) {
    this.#buckets = new ColumnBuckets(maxColumns);
    this.#pointStart = new Int32Array(maxColumns + 1);
  }

  /**
   * The first column whose drawing changed in the last update: where a column's points changed,
   * or where the line to the held value starts when only that moved. +Infinity when nothing did.
   */
  get dirtyColumn(): number {
    return this.#dirtyColumn;
  }

  /** Where a column's points start in `points`: the head's for a column before the view, the tail's past it. */
  pointStartOf(column: number): number {
    const { first, end } = this.#grid;
    if (column < first) return 0;
    return this.#pointStart[Math.min(column, end) - first]!;
  }

  /** Folds in what is new and re-emits what changed; returns whether the points changed. */
  update(input: PenInput): boolean {
    this.#dirtyColumn = Number.POSITIVE_INFINITY;
    const { series, grid, history } = input;
    const old = this.#grid;
    // The first column to emit again, and the first whose drawing changed.
    let dirtyFrom = Number.POSITIVE_INFINITY;
    let drawFrom = Number.POSITIVE_INFINITY;
    if (
      series !== this.#series ||
      (series !== undefined && series.rewrites !== this.#rewrites) ||
      // Samples left the ring before they were folded in: a paused view older than memory.
      (series !== undefined && this.#next < series.stored - series.length) ||
      grid.origin !== old.origin ||
      grid.width !== old.width ||
      grid.first < old.first ||
      grid.end - grid.first > this.#buckets.capacity ||
      history !== this.#history
    ) {
      this.#series = series;
      this.#history = history;
      this.#buckets.reset(grid.first, grid.end);
      this.#next = series === undefined ? 0 : series.stored - series.length + firstIndexAtOrAfter(series, gridTime(grid, grid.first));
      dirtyFrom = drawFrom = grid.first;
    } else if (grid.first !== old.first || grid.end !== old.end) {
      this.#buckets.slide(grid.first, grid.end);
      // Columns left the front: every point index moves, so the whole view is emitted again. But
      // a sample keeps its column, so the columns that stay draw as they did: only new ones are news.
      dirtyFrom = grid.first !== old.first ? grid.first : Math.min(old.end, grid.end);
      drawFrom = Math.min(old.end, grid.end);
    }
    this.#grid = grid;
    if (series !== undefined) {
      this.#rewrites = series.rewrites;
      const touched = this.#consume(series, grid);
      dirtyFrom = Math.min(dirtyFrom, touched);
      drawFrom = Math.min(drawFrom, touched);
    }
    const hold = this.#holdPoint(input.holdUntil);
    if (dirtyFrom === Number.POSITIVE_INFINITY && Object.is(hold, this.#hold)) return false;
    this.#hold = hold;
    const oldLast = this.#lastPointColumn;
    if (dirtyFrom <= grid.first) this.#emitHead();
    this.#emitColumns(Math.max(grid.first, dirtyFrom === Number.POSITIVE_INFINITY ? grid.end : dirtyFrom));
    this.#emitTail(hold);
    // The tail hangs off the newest column with points, so it is redrawn from there.
    this.#dirtyColumn = Math.max(grid.first, Math.min(drawFrom, oldLast, this.#lastPointColumn));
    return true;
  }

  /** Good-sample aggregates over the view, the value held into it and history included. */
  stats(): PenStats {
    const grid = this.#grid;
    let { count, sum, min, max } = this.#buckets.stats(grid.first, grid.end);
    const entry = this.#entry;
    if (entry === entry) {
      count++;
      sum += entry;
      if (!(entry >= min)) min = entry;
      if (!(entry <= max)) max = entry;
    }
    const history = this.#history;
    if (history === undefined) return { count, sum, min, max, partlyHistory: false };
    const before = this.#oldestHeld();
    let partlyHistory = false;
    for (let i = 0; i < history.time.length; i++) {
      const t = history.time[i]!;
      if (t < gridTime(grid, grid.first) || t >= before) continue;
      const v = drawableValue(history.value[i]!, history.status[i]!);
      if (v !== v) continue;
      partlyHistory = true;
      count++;
      sum += v;
      if (!(v >= min)) min = v;
      if (!(v <= max)) max = v;
    }
    return { count, sum, min, max, partlyHistory };
  }

  /** Buckets the samples not yet folded in, up to the end of the view; returns the first column touched. */
  #consume(series: SampleSeries, grid: ColumnGrid): number {
    const base = series.stored - series.length;
    let i = Math.max(0, this.#next - base);
    let touched = Number.POSITIVE_INFINITY;
    const { origin, width, first, end } = grid;
    for (; i < series.length; i++) {
      const t = series.timeAt(i);
      const column = Math.floor((t - origin) / width);
      if (column >= end) break;
      if (column < first) continue;
      this.#buckets.add(column, t, drawableValue(series.valueAt(i), series.statusAt(i)));
      if (column < touched) touched = column;
    }
    this.#next = base + i;
    return touched;
  }

  /** The line enters from the left edge: history older than the samples held, or the last sample before the view. */
  #emitHead(): void {
    const { x, y } = this.points;
    x.length = 0;
    y.length = 0;
    const series = this.#series;
    const start = gridTime(this.#grid, this.#grid.first);
    const beforeView = series === undefined ? -1 : firstIndexAtOrAfter(series, start) - 1;
    this.#entry = Number.NaN;
    if (series !== undefined && beforeView >= 0) {
      this.#entry = drawableValue(series.valueAt(beforeView), series.statusAt(beforeView));
      push(this.points, series.timeAt(beforeView), this.#entry);
    } else if (this.#history !== undefined) {
      const history = this.#history;
      const end = Math.min(this.#oldestHeld(), gridTime(this.#grid, this.#grid.end));
      for (let i = 0; i < history.time.length; i++) {
        const t = history.time[i]!;
        if (t < end) push(this.points, t, drawableValue(history.value[i]!, history.status[i]!));
      }
    }
    this.#pointStart[0] = x.length;
    this.#columnsEnd = this.#grid.first;
    this.#lastPointColumn = this.#grid.first - 1;
  }

  #emitColumns(from: number): void {
    const { first, end } = this.#grid;
    const at = Math.min(from, this.#columnsEnd) - first;
    this.points.x.length = this.#pointStart[at]!;
    this.points.y.length = this.#pointStart[at]!;
    // The newest column with points among those kept; usually found at once, scanning back.
    let lastPointColumn = first - 1;
    if (this.#lastPointColumn >= first && this.#lastPointColumn < first + at) lastPointColumn = this.#lastPointColumn;
    else for (let c = first + at - 1; c >= first && lastPointColumn < first; c--) if (this.#pointStart[c - first + 1]! > this.#pointStart[c - first]!) lastPointColumn = c;
    for (let c = first + at; c < end; c++) {
      this.#pointStart[c - first] = this.points.x.length;
      this.#buckets.emit(c, this.points);
      if (this.points.x.length > this.#pointStart[c - first]!) lastPointColumn = c;
    }
    this.#lastPointColumn = lastPointColumn;
    this.#pointStart[end - first] = this.points.x.length;
    this.#columnsEnd = end;
  }

  /** The first sample past the view, so the line leaves by the right edge; else the held newest value. */
  #emitTail(hold: number): void {
    const series = this.#series;
    const end = this.#grid.end - this.#grid.first;
    this.points.x.length = this.#pointStart[end]!;
    this.points.y.length = this.#pointStart[end]!;
    const next = series === undefined ? -1 : this.#next - (series.stored - series.length);
    if (series !== undefined && next >= 0 && next < series.length) {
      push(this.points, series.timeAt(next), drawableValue(series.valueAt(next), series.statusAt(next)));
    } else if (!Number.isNaN(hold)) {
      push(this.points, hold, this.#newestValue());
    }
  }

  /** The time to hold the newest value to, or NaN when there is nothing to hold. */
  #holdPoint(holdUntil: number): number {
    const series = this.#series;
    if (series === undefined || series.length === 0) return Number.NaN;
    const newest = series.length - 1;
    if (holdUntil <= series.timeAt(newest) || Number.isNaN(this.#newestValue())) return Number.NaN;
    return Math.min(holdUntil, gridTime(this.#grid, this.#grid.end));
  }

  #newestValue(): number {
    const series = this.#series!;
    const newest = series.length - 1;
    return drawableValue(series.valueAt(newest), series.statusAt(newest));
  }

  #oldestHeld(): number {
    const series = this.#series;
    return series === undefined || series.length === 0 ? Number.POSITIVE_INFINITY : series.timeAt(0);
  }
}

function push(points: TrendPoints, time: number, value: number): void {
  points.x.push(time);
  points.y.push(value === value ? value : null);
}
