import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';

// Pens that cannot draw normally, beside one that can: each says why in the legend, and none
// stops the good pen from drawing or breaks the page.
describe('a trend with bad input beside a good pen', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bad-pens-'));
  const names = ['V0', 'NaN', 'Infinity', 'Future', 'Label', 'Spectrum'];
  let server: RunningTestServer;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: 1 });
    const project = path.join(dir, 'bad-pens.tidewatch');
    writeFileSync(project, JSON.stringify({
      version: 1,
      name: 'Bad pens',
      servers: [{ id: 'plc', name: 'PLC', endpointUrl: server.endpointUrl }],
      tags: names.map((name) => ({ name, server: 'plc', nodeId: `ns=1;s=Test.${name}` })),
    }));
    serve = await startServe(['--project', project]);
    await serve.setUpAdministrator();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url, { width: 1600, height: 1000 }));
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const notes = (name: string) => page.locator(`[data-testid="trend-legend-item"][data-tag-id="plc/${name}"] [data-testid="pen-notes"]`).textContent();

  it('names what is wrong with each pen, and the good pen keeps drawing', async () => {
    for (const name of names) await page.locator(`[data-testid="tag-row"][data-tag-id="plc/${name}"] [data-testid="pen-toggle"]`).click();
    await expect.poll(() => page.locator('[data-testid="trend-legend-item"]').count()).toBe(names.length);
    await expect.poll(() => notes('NaN'), { timeout: 30_000 }).toMatch(/Samples: \d+ NaN or infinite, drawn as gaps/);
    await expect.poll(() => notes('Infinity')).toMatch(/Samples: \d+ NaN or infinite, drawn as gaps/);
    await expect.poll(() => notes('Future')).toMatch(/Samples: \d+ stamped in the future, not drawn/);
    await expect.poll(() => notes('Label')).toContain('String values are not numbers and cannot be trended');
    await expect.poll(() => notes('Spectrum')).toContain('Arrays (Double[]) cannot be trended');
    expect(await notes('V0')).toBe('');
    // Only V0 can put pixels on the pens' layer: it draws, and keeps drawing as it rises.
    const lit = () => page.locator('canvas.trend-series').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
      return count;
    });
    await expect.poll(lit, { timeout: 15_000 }).toBeGreaterThan(200);
    const current = async () => Number((await page.locator('[data-testid="trend-legend-item"][data-tag-id="plc/V0"] [data-testid="pen-current"]').textContent())?.replace(/[^\d.-]/g, ''));
    const before = await current();
    await expect.poll(current).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });
});
