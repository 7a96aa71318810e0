// The trend benchmark page: the app's own LiveStore and TrendChart (not a copy), fed with
// synthetic samples at 100 Hz per pen, and, as the baseline, plain uPlot given the full data.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { StatusCode } from '../../../shared/status-code.js';
import type { FrameScheduler } from '../../../renderer/src/live/frame-scheduler.js';
import { LiveStore } from '../../../renderer/src/live/live-store.js';
import type { ChartPen } from '../../../renderer/src/trend/chart-options.js';
import { penColor } from '../../../renderer/src/trend/pen-color.js';
import { PenReadouts } from '../../../renderer/src/trend/pen-readouts.js';
import { TrendChart } from '../../../renderer/src/trend/trend-chart.js';
import { percentile } from '../percentile.js';
import type { FrameFigures, TrendBenchApi } from './bench-api.js';
import { incrementalCheck } from './incremental-check.js';
import { SAMPLE_MS, signalValue } from './synthetic-signal.js';

/** The page's clock: real time on the display's frames; uncapped, a display frame's time further each frame. */
let virtualNow: number | null = null;
const now = () => virtualNow ?? Date.now();
const DISPLAY_FRAME_MS = 1000 / 60;

/**
 * Runs frame callbacks and adds up the time they take, per frame. On the display's
 * frames (requestAnimationFrame), or uncapped: frame after frame as fast as they
 * finish, each a MessageChannel turn that ends by reading a pixel of every canvas,
 * so its drawing is rasterised inside the frame as a displayed frame's would be.
 * Each uncapped frame moves the clock on by a display frame, so it brings the same
 * new samples and the same scrolling as a frame at 60 fps would. The display holds
 * anything faster than 60 fps to 60; uncapped, the trend and plain uPlot are
 * compared on what they can do.
 */
class MeasuringScheduler implements FrameScheduler {
  readonly work = new Map<number, number>();
  uncapped = false;
  /** Uncapped frames run so far. */
  frames = 0;
  private readonly queued = new Map<number, () => void>();
  private nextHandle = 1;
  private readonly channel = new MessageChannel();
  private posted = false;

  constructor() {
    this.channel.port1.onmessage = () => this.runUncapped();
  }

  request(callback: () => void): number {
    if (!this.uncapped) return requestAnimationFrame((frameTime) => this.timed(frameTime, callback));
    // Negative: never the same as a requestAnimationFrame handle.
    const handle = -this.nextHandle++;
    this.queued.set(handle, callback);
    if (!this.posted) {
      this.posted = true;
      this.channel.port2.postMessage(null);
    }
    return handle;
  }

  cancel(handle: number): void {
    if (handle < 0) this.queued.delete(handle);
    else cancelAnimationFrame(handle);
  }

  private runUncapped(): void {
    this.posted = false;
    // Callbacks requested while this frame runs belong to the next one, as with requestAnimationFrame.
    const callbacks = [...this.queued.values()];
    this.queued.clear();
    if (this.uncapped) virtualNow = (virtualNow ?? Date.now()) + DISPLAY_FRAME_MS;
    const frameTime = performance.now();
    for (const callback of callbacks) this.timed(frameTime, callback);
    this.timed(frameTime, () => {
      for (const canvas of host.querySelectorAll('canvas')) canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
    });
    this.frames++;
  }

  private timed(frameTime: number, callback: () => void): void {
    const start = performance.now();
    try {
      callback();
    } finally {
      this.work.set(frameTime, (this.work.get(frameTime) ?? 0) + performance.now() - start);
    }
  }
}

const host = document.getElementById('chart')!;
const scheduler = new MeasuringScheduler();
let stop: () => void = () => {};

/** Appends every sample due since the last frame, for each pen, until stopped. */
function appendLoop(pens: number, firstK: number, append: (pen: number, time: number, k: number) => void, flush: () => void): () => void {
  let next = firstK;
  let running = true;
  const step = () => {
    if (!running) return;
    const due = Math.floor(now() / SAMPLE_MS);
    for (; next <= due; next++) for (let pen = 0; pen < pens; pen++) append(pen, next * SAMPLE_MS, next);
    flush();
    scheduler.request(step);
  };
  scheduler.request(step);
  return () => {
    running = false;
  };
}

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

async function trend(pens: number, points: number): Promise<void> {
  stop();
  host.replaceChildren();
  const live = new LiveStore(scheduler);
  const chart = new TrendChart(host, {
    live,
    scheduler,
    now,
    view: () => ({ mode: 'live', spanMs: points * SAMPLE_MS }),
    canHold: () => true,
    history: { series: () => undefined, want: () => {} },
    readouts: new PenReadouts(),
    gestures: { zoomAt: () => {}, zoomTo: () => {}, pan: () => {}, goLive: () => {} },
  });
  const chartPens: ChartPen[] = Array.from({ length: pens }, (_, i) => ({
    tagId: `bench/P${i}`,
    tagIndex: i,
    color: penColor(i),
    stepped: false,
    visible: true,
    axis: `unit ${i % 4}`,
    connectionId: 'bench',
  }));
  chart.setPens(chartPens, [0, 1, 2, 3].filter((a) => a < pens).map((a) => ({ axis: `unit ${a}`, scaling: { mode: 'auto' as const } })));
  // The chart claims ring retention for its window on its first frame; history goes in after.
  await frames(2);
  const lastK = Math.floor(Date.now() / SAMPLE_MS);
  const batch = columns(200_000);
  for (let k = lastK - points + 1; k <= lastK; k++) {
    for (let pen = 0; pen < pens; pen++) batch.add(pen, k * SAMPLE_MS, signalValue(pen, k));
    if (batch.full()) batch.flush(live);
  }
  batch.flush(live);
  // The figure is only what it says if every pen holds its whole window in memory.
  for (let pen = 0; pen < pens; pen++) {
    const held = live.samples(pen)?.length ?? 0;
    if (held < points) throw new Error(`trend bench: pen ${pen} holds ${held} of its ${points} points`);
  }
  const feed = columns(4096);
  const stopFeed = appendLoop(
    pens,
    lastK + 1,
    (pen, time, k) => {
      feed.add(pen, time, signalValue(pen, k));
      if (feed.full()) feed.flush(live);
    },
    () => feed.flush(live),
  );
  stop = () => {
    stopFeed();
    chart.dispose();
    live.dispose();
  };
}

async function rawUplot(pens: number, points: number): Promise<void> {
  stop();
  host.replaceChildren();
  // Twice the window, so appending is a write and only every `points` samples a copy back.
  const x = new Float64Array(points * 2);
  const ys = Array.from({ length: pens }, () => new Float64Array(points * 2));
  let end = points;
  const lastK = Math.floor(Date.now() / SAMPLE_MS);
  for (let i = 0; i < points; i++) {
    const k = lastK - points + 1 + i;
    x[i] = k * SAMPLE_MS;
    for (let pen = 0; pen < pens; pen++) ys[pen]![i] = signalValue(pen, k);
  }
  const data = () => [x.subarray(end - points, end), ...ys.map((y) => y.subarray(end - points, end))] as unknown as uPlot.AlignedData;
  const plot = new uPlot(
    {
      width: 1600,
      height: 400,
      ms: 1,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true } },
      series: [{}, ...ys.map((_, pen) => ({ stroke: penColor(pen), width: 1, points: { show: false } }))],
    },
    data(),
    host,
  );
  let k = lastK + 1;
  let running = true;
  const step = () => {
    if (!running) return;
    const due = Math.floor(now() / SAMPLE_MS);
    for (; k <= due; k++) {
      if (end === x.length) {
        x.copyWithin(0, end - points, end);
        for (const y of ys) y.copyWithin(0, end - points, end);
        end = points;
      }
      x[end] = k * SAMPLE_MS;
      for (let pen = 0; pen < pens; pen++) ys[pen]![end] = signalValue(pen, k);
      end++;
    }
    // In a batch uPlot draws at once, inside this frame's measured work, not in a microtask after it.
    plot.batch(() => plot.setData(data()));
    scheduler.request(step);
  };
  scheduler.request(step);
  stop = () => {
    running = false;
    plot.destroy();
  };
}

/** Frames per second and work per frame over the next `ms`, on the display's frames or uncapped (see MeasuringScheduler). */
async function measure(ms: number, uncapped: boolean): Promise<FrameFigures> {
  scheduler.uncapped = uncapped;
  await frames(10);
  scheduler.work.clear();
  const start = performance.now();
  const startFrames = scheduler.frames;
  let count = 0;
  const end = await new Promise<number>((resolve) => {
    const step = (now: number) => {
      count++;
      if (now - start < ms) requestAnimationFrame(step);
      else resolve(now);
    };
    if (uncapped) setTimeout(() => resolve(performance.now()), ms);
    else requestAnimationFrame(step);
  });
  if (uncapped) count = scheduler.frames - startFrames;
  scheduler.uncapped = false;
  virtualNow = null;
  const work = [...scheduler.work.values()];
  const p95Ms = work.length > 0 ? percentile(work, 95) : 0;
  return { fps: (count * 1000) / (end - start), frames: count, p95Ms };
}

/** A reusable frame's worth of samples, as the frame pump hands them to the store. */
function columns(capacity: number) {
  const tag = new Uint32Array(capacity);
  const time = new Float64Array(capacity);
  const value = new Float64Array(capacity);
  const status = new Uint32Array(capacity).fill(StatusCode.Good);
  let count = 0;
  return {
    add(pen: number, t: number, v: number) {
      tag[count] = pen;
      time[count] = t;
      value[count] = v;
      count++;
    },
    full: () => count === capacity,
    flush(live: LiveStore) {
      live.append({ count, tag, time, value, status });
      count = 0;
    },
  };
}

window.trendBench = {
  trend,
  rawUplot,
  measure,
  incrementalCheck: () => {
    stop();
    stop = () => {};
    return incrementalCheck(host);
  },
} satisfies TrendBenchApi;
