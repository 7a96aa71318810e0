import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FrameScheduler } from '../live/frame-scheduler.js';
import type { LiveStore } from '../live/live-store.js';
import { type Range, autoRange } from './auto-range.js';
import { type ChartGestures, attachChartInteraction } from './chart-interaction.js';
import { type ChartAxis, type ChartPen, chartOptions, scaleKey } from './chart-options.js';
import type { HistoryFill } from './history-fill.js';
import type { PenReadout, PenReadouts } from './pen-readouts.js';
import { type ColumnGrid, type PenStats, PenReducer, gridTime } from './pen-reducer.js';
import { type LayerPen, SeriesLayer } from './series-layer.js';
import { type TimeRange, type TrendView, columnGrid } from './trend-view.js';
import { valueAt } from './value-at.js';

export interface TrendChartOptions {
  readonly live: LiveStore;
  readonly scheduler: FrameScheduler;
  readonly now: () => number;
  readonly view: () => TrendView;
  /** Whether a pen's newest value may be drawn on to now: main reachable and its connection up. */
  readonly canHold: (connectionId: string) => boolean;
  readonly history: Pick<HistoryFill, 'series' | 'want'>;
  readonly readouts: PenReadouts;
  readonly gestures: Omit<ChartGestures, 'cursor'>;
}

/** Legend figures may lag this much: a number changing 60 times a second cannot be read anyway. */
const STATS_INTERVAL_MS = 250;
/** Samples kept beyond the window: a frame late, a column of slack, a little zoom-out without history. */
const RETAIN_MARGIN = 1.1;
const RETAIN_SLACK_MS = 5000;
/** Columns a pen's buckets hold at least: a 2K screen's width in device pixels. */
const MIN_CAPACITY = 2048;

/**
 * One trend chart, outside React. Each frame it folds new samples into per-column buckets
 * (only the newest columns change), sets every scale from those buckets, and draws only the
 * columns that changed (series-layer.ts); uPlot draws axes and grid when a scale moves. Ring
 * retention follows the view; what memory does not hold is asked of history.
 */
export class TrendChart {
  readonly #host: HTMLElement;
  readonly #options: TrendChartOptions;
  readonly #resizeObserver: ResizeObserver;
  readonly #layer: SeriesLayer;
  #plot: uPlot | null = null;
  #detach: () => void = () => {};
  #pens: readonly ChartPen[] = [];
  #axes: readonly ChartAxis[] = [];
  #reducers: PenReducer[] = [];
  #layerPens: LayerPen[] = [];
  #stats: PenStats[] = [];
  #capacity = MIN_CAPACITY;
  #ranges = new Map<string, Range>();
  #grid: ColumnGrid | null = null;
  #cursorTime: number | null = null;
  #cursorMoved = false;
  #statsAt = Number.NEGATIVE_INFINITY;
  #claim = '';
  #frame: number | null = null;
  #width = 0;
  #height = 0;

  constructor(host: HTMLElement, options: TrendChartOptions) {
    this.#host = host;
    this.#options = options;
    this.#width = host.clientWidth;
    this.#height = host.clientHeight;
    this.#layer = new SeriesLayer(host.ownerDocument);
    this.#resizeObserver = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box !== undefined) this.#resize(box.width, box.height);
    });
    this.#resizeObserver.observe(host);
  }

  /** The chart as last drawn, axes and pens in one canvas: what a PNG export starts from. */
  snapshot(): HTMLCanvasElement | null {
    const plot = this.#plot;
    if (plot === null) return null;
    const frame = plot.ctx.canvas;
    const canvas = this.#host.ownerDocument.createElement('canvas');
    canvas.width = frame.width;
    canvas.height = frame.height;
    canvas.style.width = `${frame.clientWidth}px`;
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(frame, 0, 0);
    ctx?.drawImage(this.#layer.canvas, plot.bbox.left, plot.bbox.top);
    return canvas;
  }

  /** The time range on screen as last drawn. */
  get range(): TimeRange | null {
    const grid = this.#grid;
    return grid === null ? null : { from: gridTime(grid, grid.first), to: gridTime(grid, grid.end) };
  }

  setPens(pens: readonly ChartPen[], axes: readonly ChartAxis[]): void {
    const structure = (list: readonly ChartPen[], groups: readonly ChartAxis[]) =>
      JSON.stringify([list.map((p) => [p.tagId, p.tagIndex, p.color, p.stepped, p.axis]), groups.map((a) => a.axis)]);
    const sameStructure = structure(pens, axes) === structure(this.#pens, this.#axes);
    const previous = new Map(this.#pens.map((pen, i) => [pen.tagId, { reducer: this.#reducers[i]!, stats: this.#stats[i]! }]));
    const plot = this.#plot;
    this.#pens = pens;
    this.#axes = axes;
    this.#reducers = pens.map((pen) => previous.get(pen.tagId)?.reducer ?? new PenReducer(this.#capacity));
    this.#stats = pens.map((pen) => previous.get(pen.tagId)?.stats ?? NO_STATS);
    this.#layerPens = this.#layerPensOf(this.#reducers);
    this.#grid = null;
    this.#layer.invalidate();
    if (sameStructure && plot !== null) return;
    this.#destroyPlot();
    this.#ranges.clear();
    if (pens.length > 0) {
      const layer = this.#layer;
      const options = chartOptions(axes, this.#width, this.#height);
      // The pens go between uPlot's canvas and its cursor overlay, placed wherever uPlot lays out the plot area.
      options.hooks = { draw: [(u) => layer.place({ ...u.bbox, pxRatio: uPlot.pxRatio })] };
      this.#plot = new uPlot(options, [[]], this.#host);
      this.#plot.ctx.canvas.after(layer.canvas);
      this.#detach = attachChartInteraction(this.#plot, {
        ...this.#options.gestures,
        cursor: (time) => {
          this.#cursorTime = time;
          this.#cursorMoved = true;
        },
      });
      this.#ensureCapacity(Math.round(this.#plot.bbox.width));
    }
    if (this.#frame === null) this.#frame = this.#options.scheduler.request(this.#tick);
  }

  dispose(): void {
    if (this.#frame !== null) this.#options.scheduler.cancel(this.#frame);
    this.#frame = null;
    this.#resizeObserver.disconnect();
    this.#destroyPlot();
    this.#options.live.retain(this, new Map());
  }

  readonly #tick = () => {
    this.#frame = null;
    this.#draw();
    if (this.#plot !== null || this.#claim !== '') this.#frame = this.#options.scheduler.request(this.#tick);
  };

  #draw(): void {
    const { live, now: clock, view: currentView, canHold, history } = this.#options;
    const now = clock();
    const view = currentView();
    this.#retain(view, now);
    const plot = this.#plot;
    if (plot === null || this.#width <= 0 || this.#height <= 0) return;
    // Device pixels: min/max per column is only lossless at the resolution actually drawn.
    const columns = Math.max(1, Math.round(plot.bbox.width));
    this.#ensureCapacity(columns);
    const grid = columnGrid(view, now, columns);
    const old = this.#grid;
    const moved = old === null || old.first !== grid.first || old.end !== grid.end || old.width !== grid.width || old.origin !== grid.origin;
    let changed = moved;
    let dirtyColumn = Number.POSITIVE_INFINITY;
    this.#grid = grid;
    this.#pens.forEach((pen, i) => {
      if (!pen.visible) return;
      const reducer = this.#reducers[i]!;
      // A value holds until the next report, while its connection is up; the reducer cuts the hold at the view's end.
      const holdUntil = canHold(pen.connectionId) ? now : Number.NEGATIVE_INFINITY;
      if (reducer.update({ series: live.samples(pen.tagIndex), grid, holdUntil, history: history.series(pen.tagId) })) {
        this.#stats[i] = reducer.stats();
        dirtyColumn = Math.min(dirtyColumn, reducer.dirtyColumn);
        changed = true;
      }
    });
    const scales = this.#scaleChanges();
    if (moved || scales.length > 0) {
      plot.batch(() => {
        // Whole milliseconds: uPlot's time-axis splits land 1 ms early on a fractional scale minimum.
        if (moved) plot.setScale('x', { min: Math.round(gridTime(grid, grid.first)), max: Math.round(gridTime(grid, grid.end)) });
        for (const [key, [min, max]] of scales) plot.setScale(key, { min, max });
      });
    }
    this.#layer.draw(this.#layerPens, grid, this.#ranges, dirtyColumn);
    this.#wantHistory(grid, columns);
    this.#publish(now, changed);
    this.#host.dataset.mode = view.mode;
    this.#host.dataset.viewFrom = String(Math.round(gridTime(grid, grid.first)));
    this.#host.dataset.viewTo = String(Math.round(gridTime(grid, grid.end)));
  }

  /** Axis ranges that moved since the last frame: fixed ones from the layout, automatic ones from the buckets. */
  #scaleChanges(): [string, Range][] {
    const changes: [string, Range][] = [];
    for (const { axis, scaling } of this.#axes) {
      let range: Range;
      if (scaling.mode === 'fixed') {
        range = [scaling.min, scaling.max];
      } else {
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        this.#pens.forEach((pen, i) => {
          const stats = this.#stats[i]!;
          if (pen.axis !== axis || !pen.visible || stats.count === 0) return;
          min = Math.min(min, stats.min);
          max = Math.max(max, stats.max);
        });
        range = autoRange(this.#ranges.get(axis) ?? null, min, max);
      }
      const old = this.#ranges.get(axis);
      if (old === undefined || old[0] !== range[0] || old[1] !== range[1]) {
        this.#ranges.set(axis, range);
        changes.push([scaleKey(axis), range]);
      }
    }
    return changes;
  }

  /** History for whatever part of the view the samples in memory do not reach back to. */
  #wantHistory(grid: ColumnGrid, columns: number): void {
    const from = gridTime(grid, grid.first);
    const to = gridTime(grid, grid.end);
    let needTo = from;
    for (const pen of this.#pens) {
      const series = this.#options.live.samples(pen.tagIndex);
      const oldest = series !== undefined && series.length > 0 ? series.timeAt(0) : Number.POSITIVE_INFINITY;
      needTo = Math.max(needTo, Math.min(to, oldest));
    }
    const lacking = needTo - from > grid.width && this.#pens.length > 0;
    this.#options.history.want(lacking ? { tagIds: this.#pens.map((pen) => pen.tagId), from, to: needTo, buckets: (columns * (needTo - from)) / (to - from) } : null);
  }

  #publish(now: number, changed: boolean): void {
    const statsDue = now - this.#statsAt >= STATS_INTERVAL_MS;
    const cursorTime = this.#cursorTime;
    if (!statsDue && !this.#cursorMoved && !(changed && cursorTime !== null)) return;
    if (statsDue) this.#statsAt = now;
    this.#cursorMoved = false;
    const { live, history, readouts } = this.#options;
    const published = new Map<string, PenReadout>();
    this.#pens.forEach((pen, i) => {
      const stats = statsDue ? this.#stats[i]! : (readouts.get(pen.tagId)?.stats ?? this.#stats[i]!);
      const cursor = cursorTime === null ? undefined : valueAt(live.samples(pen.tagIndex), history.series(pen.tagId), cursorTime);
      published.set(pen.tagId, { stats, cursor });
    });
    readouts.publish(published, cursorTime);
  }

  /** Rings hold the window, plus margin; a paused view keeps everything since its start, within the memory budget. */
  #retain(view: TrendView, now: number): void {
    const span = view.mode === 'live' ? view.spanMs : Math.max(view.to, now) - view.from;
    // Steps of about 19 %, so a paused view does not re-claim every frame.
    const retainMs = 2 ** (Math.ceil(Math.log2(span * RETAIN_MARGIN + RETAIN_SLACK_MS) * 4) / 4);
    const claim = this.#pens.length === 0 ? '' : `${retainMs}|${this.#pens.map((pen) => pen.tagIndex).join(',')}`;
    if (claim === this.#claim) return;
    this.#claim = claim;
    this.#options.live.retain(this, new Map(this.#pens.map((pen) => [pen.tagIndex, retainMs])));
  }

  #ensureCapacity(columns: number): void {
    if (columns <= this.#capacity) return;
    // Whole kilo-columns, so a window dragged wider by a few pixels does not start every pen over.
    this.#capacity = Math.max(MIN_CAPACITY, Math.ceil(columns / 1024) * 1024);
    this.#reducers = this.#pens.map(() => new PenReducer(this.#capacity));
    this.#stats = this.#pens.map(() => NO_STATS);
    this.#layerPens = this.#layerPensOf(this.#reducers);
  }

  #layerPensOf(reducers: readonly PenReducer[]): LayerPen[] {
    return this.#pens.map((pen, i) => ({ reducer: reducers[i]!, color: pen.color, stepped: pen.stepped, visible: pen.visible, axis: pen.axis }));
  }

  #resize(width: number, height: number): void {
    this.#width = Math.floor(width);
    this.#height = Math.floor(height);
    if (this.#plot !== null && this.#width > 0 && this.#height > 0) {
      this.#plot.setSize({ width: this.#width, height: this.#height });
      this.#grid = null;
    }
  }

  #destroyPlot(): void {
    this.#detach();
    this.#detach = () => {};
    this.#layer.canvas.remove();
    this.#plot?.destroy();
    this.#plot = null;
  }
}

const NO_STATS: PenStats = { count: 0, sum: 0, min: Number.NaN, max: Number.NaN, partlyHistory: false };
