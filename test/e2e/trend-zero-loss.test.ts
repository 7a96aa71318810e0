import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../shared/api/history-api.js';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// The whole path, demo plant to OPC UA client to WebSocket to the renderer's ring, in Chromium:
// every sample of a trended 100 Hz signal that main received (the historian stores them all)
// is in the ring, with its own source time.
describe('a trended 100 Hz tag in the browser', () => {
  const tagId = 'demo/Pump1.Vibration';
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator(); // past the first-run screen: this test is about the live plant
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url, { width: 1600, height: 1000 }));
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  // The renderer's read-only probe (renderer/src/live/live-store-probe.ts, set up in main.tsx).
  type Ring = { time: number[]; value: number[] } | null;
  const ring = () => page.evaluate((id) => (window as unknown as { tidewatchProbe: { ring(tagId: string): Ring } }).tidewatchProbe.ring(id), tagId);

  it('keeps in the renderer’s ring every sample main received, none missing, none invented', async () => {
    await page.locator(`[data-testid="tag-row"][data-tag-id="${tagId}"] [data-testid="pen-toggle"]`).click();
    await expect.poll(() => page.locator(`[data-testid="trend-legend-item"][data-tag-id="${tagId}"] [data-testid="pen-current"]`).textContent(), { timeout: 30_000 }).toMatch(/\d/);
    const start = (await ring())!.time.at(-1)!;
    await expect.poll(async () => (await ring())!.time.at(-1)! - start, { timeout: 30_000 }).toBeGreaterThanOrEqual(4000);
    const all = (await ring())!;
    const from = all.time.indexOf(start);
    const time = all.time.slice(from);
    const value = all.value.slice(from);
    expect(time.length).toBeGreaterThan(300);
    expect(time.slice(1).every((t, i) => t > time[i]!)).toBe(true); // a gap marker for dropped samples would repeat a time
    const api = await ApiSocket.open(serve.origin, serve.token);
    try {
      const last = time.at(-1)!;
      const read = async () => (await api.call<HistorySeries[]>('readHistory', { tagIds: [tagId], from: start, to: last + 1, buckets: 0 }))[0]!;
      await expect.poll(async () => (await read()).time.at(-1), { timeout: 15_000 }).toBe(last); // the historian flushes about once a second
      const stored = await read();
      expect(stored.time.length).toBe(time.length);
      expect(stored.time).toEqual(time);
      expect(stored.value).toEqual(value);
    } finally {
      api.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
