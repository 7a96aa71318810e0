import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RingCopy } from '../../renderer/src/live/live-store-probe.js';
import { StatusCode } from '../../shared/status-code.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { killDemoPlant, startServe, type ServeProcess } from '../support/serve-process.js';

const TAG = 'demo/Tank1.Level';

// The plant's server dies at 3 a.m. and comes back: what the operator sees, in Chromium.
describe('a server outage, as the operator sees it', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
    await serve.setUpAdministrator();
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const status = () => page.locator('[data-testid="connection-status"][data-connection-id="demo"]');
  const row = () => page.locator(`[data-testid="tag-row"][data-tag-id="${TAG}"]`);
  const ring = () => page.evaluate((tagId) => (window as unknown as { tidewatchProbe: { ring(id: string): RingCopy | null } }).tidewatchProbe.ring(tagId), TAG);

  it('marks the values bad in shape and text, breaks the trend, and shows the state, the error and the reconnects', async () => {
    await row().locator('[data-testid="pen-toggle"]').click();
    await expect.poll(async () => (await ring())?.time.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await row().locator('[data-testid="tag-quality"]').getAttribute('data-quality')).toBe('good');
    killDemoPlant(serve);
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 30_000 }).not.toBe('connected');
    await expect.poll(() => row().locator('[data-testid="tag-quality"]').getAttribute('data-quality'), { timeout: 30_000 }).toBe('bad');
    const quality = (await row().locator('[data-testid="tag-quality"]').textContent()) ?? '';
    expect(quality).toMatch(/Bad/);
    expect(await status().locator('.connection-error').textContent()).not.toBe('');
    // The trend's ring holds a gap where the connection went down: no line is drawn across the outage.
    await expect.poll(async () => (await ring())?.status.some((s) => s === StatusCode.BadNoCommunication) ?? false).toBe(true);
  });

  it('is live again by itself when the server is back: connected, reconnects counted, values good and moving', async () => {
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 60_000 }).toBe('connected');
    expect(await status().locator('.connection-reconnects').textContent()).toMatch(/^reconnects: [1-9]\d*$/);
    await expect.poll(() => row().locator('[data-testid="tag-quality"]').getAttribute('data-quality'), { timeout: 30_000 }).toBe('good');
    const after = (await ring())!;
    const gap = after.status.lastIndexOf(StatusCode.BadNoCommunication);
    await expect.poll(async () => {
      const now = (await ring())!;
      return now.status.slice(now.status.lastIndexOf(StatusCode.BadNoCommunication) + 1).filter((s) => s === StatusCode.Good).length;
    }, { timeout: 30_000 }).toBeGreaterThan(2);
    expect(gap).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
