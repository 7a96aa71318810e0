// The UI benchmark: the live app's frame rate in Chromium beside a blank page's.
import { launchChromium } from '../support/chromium.js';
import { startServe } from '../support/serve-process.js';
import type { Record } from './bench-types.js';

export async function runUiBench(record: Record): Promise<void> {
  const serve = await startServe();
  await serve.setUpAdministrator();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const fps = () =>
      page.evaluate(
        (ms) =>
          new Promise<number>((resolve) => {
            let frames = 0;
            const start = performance.now();
            const step = (now: number) => {
              frames++;
              if (now - start < ms) requestAnimationFrame(step);
              else resolve((frames * 1000) / (now - start));
            };
            requestAnimationFrame(step);
          }),
        5000,
      );
    await page.setContent('<!doctype html><title>blank</title>');
    const blank = await fps();
    await page.goto(serve.url);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 60_000 });
    for (const name of ['Pump1.Vibration', 'Tank1.Level', 'Tank2.Level', 'TIC101.PV']) {
      await page.locator(`[data-testid="tag-row"][data-tag-id="demo/${name}"] [data-testid="pen-toggle"]`).click();
    }
    await page.waitForTimeout(2000);
    const live = await fps();
    record('browser.fps_blank', blank, 'baseline: an empty page in the same Chromium');
    record('ui.fps_demo_live', live, 'live table + 4-pen trend of the demo plant');
    record('ui.fps_ratio_vs_blank', live / blank, '1.0 = the app costs no frames');
  } finally {
    await browser.close();
    await serve.stop();
  }
}
