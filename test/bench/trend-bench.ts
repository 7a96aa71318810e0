// The trend benchmark: frames per second of the app's own trend code in Chromium, 1600x400,
// 10 and 32 pens of 360,000 points each appended at 100 Hz per pen, each beside plain uPlot given
// the full data in the same run; and the renderer's JS heap growth over a long run of the
// whole app at 50,000 values/s. The pages are built from the renderer's sources with Vite
// into node_modules/.cache/trend-bench/, never into dist/: they do not ship.
import react from '@vitejs/plugin-react';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from '../support/built-files.js';
import { launchChromium } from '../support/chromium.js';
import type { Record } from './bench-types.js';


export interface TrendBenchOptions {
  /** Length of the heap run; 10 by default, as the figure's name says. */
  readonly heapMinutes?: number;
  /** Each frame-rate figure is measured over this long. */
  readonly measureMs?: number;
}

/** The heap run: 500 tags at 100 Hz (50,000 values/s), 10 of them on a 10-minute trend. */
const HEAP_RUN = { tags: 500, rateHz: 100, pens: 10, spanMs: 600_000 };
/** Rings fill, caches settle and the JIT warms before the first heap reading. */
const HEAP_WARMUP_MS = 30_000;
const PAGE_DIR = path.join(repoRoot, 'test', 'bench', 'trend-page');
const OUT_DIR = path.join(repoRoot, 'node_modules', '.cache', 'trend-bench');
const ORIGIN = 'http://trend-bench.invalid';
const POINTS = 360_000;
const CONTENT_TYPES: { [ext: string]: string } = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

interface FrameFigures {
  readonly fps: number;
  readonly frames: number;
  readonly p95Ms: number;
}

export async function runTrendBench(record: Record, options: TrendBenchOptions = {}): Promise<void> {
  const measureMs = options.measureMs ?? 5000;
  const heapMinutes = options.heapMinutes ?? Number(process.env.TREND_BENCH_HEAP_MINUTES ?? 10);
  await buildTrendBenchPages();
  const browser = await launchChromium();
  try {
    const chart = async (setup: string, pens: number): Promise<{ display: FrameFigures; uncapped: FrameFigures }> => {
      const page = await openTrendBenchPage(browser, 'fps.html', { width: 1600, height: 400 });
      try {
        await page.evaluate(([kind, n, points]) => window.trendBench![kind as 'trend' | 'rawUplot'](n as number, points as number), [setup, pens, POINTS] as const);
        const display = await page.evaluate((ms) => window.trendBench!.measure(ms, false), measureMs);
        const uncapped = await page.evaluate((ms) => window.trendBench!.measure(ms, true), measureMs);
        return { display, uncapped };
      } finally {
        await page.close();
      }
    };
    const raw10 = await chart('rawUplot', 10);
    const trend10 = await chart('trend', 10);
    const raw32 = await chart('rawUplot', 32);
    const trend32 = await chart('trend', 32);
    record('trend.fps_raw_uplot_10pens_360k', raw10.display.fps, 'baseline: plain uPlot, setData on the full 10 x 360,000 points each frame');
    record('trend.fps_10pens_360k', trend10.display.fps, `target >= 55; ${(trend10.display.fps / raw10.display.fps).toFixed(1)}x plain uPlot (target >= 3x)`);
    record('trend.fps_ratio_vs_raw_uplot_10pens', trend10.display.fps / raw10.display.fps, 'target >= 3; the trend is held to the display\'s 60 fps, so this ratio is bounded by 60 / plain uPlot\'s fps');
    record('trend.frame_p95_ms_10pens_360k', trend10.display.p95Ms, `work per frame: new samples folded in, scales, changed columns drawn; plain uPlot p95 ${raw10.display.p95Ms.toFixed(1)} ms`);
    // The frame rate stops at the display's; the work per frame shows how far below that the trend stays.
    record('trend.frame_work_ratio_raw_uplot_vs_trend_10pens', raw10.display.p95Ms / Math.max(0.1, trend10.display.p95Ms), 'p95 work per frame, plain uPlot / trend');
    record('trend.fps_raw_uplot_32pens_360k', raw32.display.fps, 'baseline: plain uPlot, setData on the full 32 x 360,000 points each frame');
    record('trend.fps_32pens_360k', trend32.display.fps, `target >= 30; ${(trend32.display.fps / raw32.display.fps).toFixed(1)}x plain uPlot; work per frame p95 ${trend32.display.p95Ms.toFixed(1)} ms`);
    record('trend.fps_ratio_vs_raw_uplot_32pens', trend32.display.fps / raw32.display.fps, 'same pens and data as the 32-pen baseline');
    record('trend.frame_work_ratio_raw_uplot_vs_trend_32pens', raw32.display.p95Ms / Math.max(0.1, trend32.display.p95Ms), 'p95 work per frame, plain uPlot / trend');
    // Past the display's cap: frames back to back, each rasterised, the same for both.
    const uncapped = (pens: number, trend: FrameFigures, raw: FrameFigures) => {
      record(`trend.fps_uncapped_${pens}pens_360k`, trend.fps, `frames back to back, not on the display's; work p95 ${trend.p95Ms.toFixed(1)} ms`);
      record(`trend.fps_uncapped_raw_uplot_${pens}pens_360k`, raw.fps, `baseline: plain uPlot the same way; work p95 ${raw.p95Ms.toFixed(1)} ms`);
      record(`trend.fps_uncapped_ratio_vs_raw_uplot_${pens}pens`, trend.fps / raw.fps, 'what the ratio is without the display holding the trend to 60 fps');
    };
    uncapped(10, trend10.uncapped, raw10.uncapped);
    uncapped(32, trend32.uncapped, raw32.uncapped);
    await heapRun(browser, heapMinutes, record);
  } finally {
    await browser.close();
  }
}

/**
 * The whole renderer on a synthetic 50,000 values/s stream for `minutes`, after its trend's
 * window is full and a warm-up: JS heap after a forced GC, at the start and at the end.
 */
async function heapRun(browser: Browser, minutes: number, record: Record): Promise<void> {
  console.log(`  trend bench: heap run of ${minutes} min at ${HEAP_RUN.tags * HEAP_RUN.rateHz} values/s (after ${HEAP_WARMUP_MS / 1000} s warm-up)`);
  const page = await openTrendBenchPage(browser, 'app.html', { width: 1600, height: 900 });
  try {
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    };
    const delivered = () => page.evaluate(() => window.appBench!.delivered);
    await page.evaluate((options) => window.appBench!.start(options), HEAP_RUN);
    await page.waitForTimeout(HEAP_WARMUP_MS);
    const [startMb, startCount, startAt] = [await heapMb(), await delivered(), Date.now()];
    for (let minute = 1; minute <= minutes; minute++) {
      await page.waitForTimeout(60_000);
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      console.log(`    minute ${minute}/${minutes}: JS heap ${(usedSize / 2 ** 20).toFixed(1)} MB (before GC)`);
    }
    const fps = await page.evaluate((ms) => window.appBench!.fps(ms), 5000);
    const [endMb, endCount, endAt] = [await heapMb(), await delivered(), Date.now()];
    const rate = (endCount - startCount) / ((endAt - startAt) / 1000);
    record('renderer.heap_growth_mb_10min', endMb - startMb, `target < 20; ${minutes} min at ${Math.round(rate)} values/s, heap ${startMb.toFixed(1)} -> ${endMb.toFixed(1)} MB after GC`);
    record('renderer.fps_app_50k_values_per_s', fps, `the whole app: ${HEAP_RUN.tags}-tag live table, ${HEAP_RUN.pens}-pen 10-minute trend`);
  } finally {
    await page.close();
  }
}

/** Builds the benchmark pages (also used by the e2e test of incremental drawing). */
export async function buildTrendBenchPages(): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      rollupOptions: { input: { fps: path.join(PAGE_DIR, 'fps.html'), app: path.join(PAGE_DIR, 'app.html') } },
    },
  });
}

/** Opens a built page, served from disk on an origin that never reaches a network. */
export async function openTrendBenchPage(browser: Browser, file: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`trend bench page error: ${error.message}`));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '');
    const file = path.join(OUT_DIR, relative);
    if (!file.startsWith(OUT_DIR + path.sep)) return route.fulfill({ status: 404 });
    try {
      await route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${ORIGIN}/${file}`);
  await page.waitForFunction(() => window.trendBench !== undefined || window.appBench !== undefined);
  return page;
}
