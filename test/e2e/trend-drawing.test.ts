import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrendBenchPages, openTrendBenchPage } from '../bench/trend-bench.js';
import { launchChromium } from '../support/chromium.js';

// The trend draws only what changed each frame (series-layer.ts). In real Chromium, on a manual
// clock: after hundreds of frames of sliding, partial redraws, gaps, holds and steps, the picture
// must be exactly what drawing everything from scratch gives.
describe('the trend’s frame-by-frame drawing', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildTrendBenchPages();
    browser = await launchChromium();
    page = await openTrendBenchPage(browser, 'fps.html', { width: 1600, height: 400 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is pixel for pixel what a full redraw draws', async () => {
    const result = await page.evaluate(() => window.trendBench!.incrementalCheck());
    expect(result.frames).toBeGreaterThan(500);
    expect(result.drawn).toBeGreaterThan(2000);
    expect(result.differing).toBe(0);
  });
});
