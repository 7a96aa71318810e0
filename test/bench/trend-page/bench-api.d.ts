// What the benchmark pages expose to test/bench/trend-bench.ts, which drives them from Node.

export interface FrameFigures {
  readonly fps: number;
  readonly frames: number;
  /** Work per frame (JavaScript, uPlot's drawing calls included), 95th percentile, ms. */
  readonly p95Ms: number;
}

export interface TrendBenchApi {
  /** The app's trend chart: `pens` pens of `points` samples each, appended at 100 Hz per pen from now on. */
  trend(pens: number, points: number): Promise<void>;
  /** The baseline: plain uPlot, setData on the full data every frame. */
  rawUplot(pens: number, points: number): Promise<void>;
  /** Over `ms`: on the display's frames, or uncapped (frames back to back, each rasterised). */
  measure(ms: number, uncapped: boolean): Promise<FrameFigures>;
  /**
   * Draws a live trend frame by frame on a manual clock (slides, partial redraws, gaps, holds,
   * steps), then once more from scratch at the same moment: how many pixels differ.
   */
  incrementalCheck(): Promise<{ readonly drawn: number; readonly differing: number; readonly frames: number }>;
}

export interface AppBenchOptions {
  readonly tags: number;
  readonly rateHz: number;
  readonly pens: number;
  readonly spanMs: number;
}

export interface AppBenchApi {
  /** The whole app on a synthetic stream: fills the trend's window, then streams in real time. */
  start(options: AppBenchOptions): Promise<void>;
  /** Samples delivered so far. */
  readonly delivered: number;
  fps(ms: number): Promise<number>;
}

declare global {
  interface Window {
    trendBench?: TrendBenchApi;
    appBench?: AppBenchApi;
  }
}
