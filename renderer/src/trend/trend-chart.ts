import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatTime } from '../format/format-time.js';
import type { FrameScheduler } from '../live/frame-scheduler.js';
import type { LiveStore } from '../live/live-store.js';
import { type TrendPoints, decimateMinMax } from './decimate-min-max.js';
import type { TrendPen } from './trend-pen.js';

export const TREND_WINDOW_MS = 60_000;

export interface TrendChartOptions {
  readonly live: LiveStore;
  readonly scheduler: FrameScheduler;
  readonly now: () => number;
  /** False while main is unreachable: the newest value is then not known to still hold. */
  readonly isLive: () => boolean;
}

const AXIS_STYLE = { stroke: '#a9b6c3', grid: { stroke: '#253140', width: 1 }, ticks: { stroke: '#253140', width: 1 } };
/** 24-hour HH:MM:SS like every other clock in the control room; uPlot's default stacks dates and am/pm. */
const TIME_AXIS: uPlot.Axis = { ...AXIS_STYLE, space: 80, values: (_, splits) => splits.map((ms) => formatTime(ms).slice(0, 8)) };

/**
 * One live uPlot trend, outside React. Each pen keeps its own timestamps (uPlot mode 2: an
 * x array per series), so no pen is resampled onto another's clock. A requestAnimationFrame
 * loop redraws only when a pen got samples or the window moved by a pixel column.
 */
export class TrendChart {
  readonly #host: HTMLElement;
  readonly #options: TrendChartOptions;
  readonly #resizeObserver: ResizeObserver;
  #plot: uPlot | null = null;
  #pens: readonly TrendPen[] = [];
  #points: TrendPoints[] = [];
  #drawnRevisions: number[] = [];
  #drawnTick = Number.NaN;
  #frame: number | null = null;
  #width = 0;
  #height = 0;

  constructor(host: HTMLElement, options: TrendChartOptions) {
    this.#host = host;
    this.#options = options;
    this.#width = host.clientWidth;
    this.#height = host.clientHeight;
    this.#resizeObserver = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box !== undefined) this.#resize(box.width, box.height);
    });
    this.#resizeObserver.observe(host);
  }

  setPens(pens: readonly TrendPen[]): void {
    if (samePens(pens, this.#pens)) return;
    this.#pens = pens;
    this.#points = pens.map(() => ({ x: [], y: [] }));
    this.#drawnRevisions = pens.map(() => -1);
    this.#drawnTick = Number.NaN;
    this.#plot?.destroy();
    this.#plot = pens.length === 0 ? null : new uPlot(this.#plotOptions(pens), this.#data(), this.#host);
    if (this.#plot !== null && this.#frame === null) this.#frame = this.#options.scheduler.request(this.#tick);
  }

  dispose(): void {
    if (this.#frame !== null) this.#options.scheduler.cancel(this.#frame);
    this.#frame = null;
    this.#resizeObserver.disconnect();
    this.#plot?.destroy();
    this.#plot = null;
  }

  readonly #tick = () => {
    this.#frame = null;
    if (this.#plot === null) return;
    this.#drawIfChanged(this.#plot);
    this.#frame = this.#options.scheduler.request(this.#tick);
  };

  #drawIfChanged(plot: uPlot): void {
    if (this.#width <= 0 || this.#height <= 0) return;
    const { live, now, isLive } = this.#options;
    // Device pixels: min/max per column is only lossless at the resolution actually drawn.
    const columns = Math.max(1, Math.round(plot.bbox.width));
    const columnMs = TREND_WINDOW_MS / columns;
    const time = now();
    // Whole columns, so a sample stays in the same column as the window slides and peaks do not shimmer.
    const tick = Math.ceil(time / columnMs);
    let changed = tick !== this.#drawnTick;
    for (let i = 0; i < this.#pens.length; i++) {
      if (live.revision(this.#pens[i]!.tagIndex) !== this.#drawnRevisions[i]) changed = true;
    }
    if (!changed) return;

    // Whole milliseconds: uPlot's time-axis splits land 1 ms early on a fractional scale minimum (labels read :49, not :50).
    const to = Math.round(tick * columnMs);
    const window = { from: to - TREND_WINDOW_MS, to, columns, holdUntil: isLive() ? time : Number.NEGATIVE_INFINITY };
    this.#pens.forEach((pen, i) => {
      const points = this.#points[i]!;
      const samples = live.samples(pen.tagIndex);
      const good = samples === undefined ? 0 : decimateMinMax(samples, window, points);
      // uPlot's auto-range turns a series of only nulls into a NaN scale: draw nothing instead.
      if (good === 0) {
        points.x.length = 0;
        points.y.length = 0;
      }
      this.#drawnRevisions[i] = live.revision(pen.tagIndex);
    });
    this.#drawnTick = tick;
    plot.batch(() => {
      plot.setData(this.#data(), false);
      plot.setScale('x', { min: window.from, max: window.to });
    });
  }

  #resize(width: number, height: number): void {
    this.#width = Math.floor(width);
    this.#height = Math.floor(height);
    if (this.#plot !== null && this.#width > 0 && this.#height > 0) {
      this.#plot.setSize({ width: this.#width, height: this.#height });
      this.#drawnTick = Number.NaN;
    }
  }

  /** uPlot's typings only describe mode 1; mode 2 data is [null, [x, y] per series]. */
  #data(): uPlot.AlignedData {
    return [null, ...this.#points.map((points) => [points.x, points.y])] as unknown as uPlot.AlignedData;
  }

  #plotOptions(pens: readonly TrendPen[]): uPlot.Options {
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    return {
      mode: 2,
      width: Math.max(1, this.#width),
      height: Math.max(1, this.#height),
      ms: 1,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false }, dataIdx: () => null },
      scales: { x: { time: true, auto: false }, y: { auto: true } },
      axes: [TIME_AXIS, AXIS_STYLE],
      series: [
        {},
        ...pens.map((pen) => ({
          stroke: pen.color,
          width: 1.5,
          points: { show: false },
          ...(pen.stepped && stepped !== undefined ? { paths: stepped } : {}),
          // Each series needs facet objects of its own: uPlot caches a facet's min/max on it.
          facets: [
            { scale: 'x', auto: false, sorted: 1 as const },
            { scale: 'y', auto: true },
          ],
        })),
      ],
    };
  }
}

function samePens(a: readonly TrendPen[], b: readonly TrendPen[]): boolean {
  return a.length === b.length && a.every((pen, i) => pen.tagIndex === b[i]?.tagIndex && pen.color === b[i].color && pen.stepped === b[i].stepped);
}
