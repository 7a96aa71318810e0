import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { logInPage } from '../support/log-in-page.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// The trend as an operator uses it, through `npm run serve` and the demo plant, in Chromium.
describe('the trend', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url, { width: 1600, height: 1000 }, { acceptDownloads: true }));
    // Saving a layout changes the project: the work of someone logged in.
    await logInPage(page);
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const chart = () => page.locator('[data-testid="trend-chart"]');
  const legendItem = (name: string) => page.locator(`[data-testid="trend-legend-item"][data-tag-id="demo/${name}"]`);
  const view = async () => {
    const host = chart();
    return { mode: await host.getAttribute('data-mode'), from: Number(await host.getAttribute('data-view-from')), to: Number(await host.getAttribute('data-view-to')) };
  };
  const preset = (spanMs: number) => page.locator(`[data-testid="trend-preset"][data-span-ms="${spanMs}"]`);
  const box = async (locator: Locator) => {
    const found = await locator.boundingBox();
    if (found === null) throw new Error('the chart is not on screen');
    return found;
  };
  const download = async (testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
    return { name: file.suggestedFilename(), body: readFileSync((await file.path()) ?? '') };
  };

  it('draws the pens the user picks, each on the axis of its unit, booleans as steps', async () => {
    for (const name of ['Tank1.Level', 'Pump1.Vibration', 'Pump1.Running']) {
      await page.locator(`[data-testid="tag-row"][data-tag-id="demo/${name}"] [data-testid="pen-toggle"]`).click();
    }
    await expect.poll(() => page.locator('[data-testid="trend-legend-item"]').count()).toBe(3);
    await expect.poll(() => page.locator('[data-testid="trend-axis-group"]').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-axis')))).toEqual(['%', 'mm/s', 'on/off']);
    await expect.poll(() => legendItem('Pump1.Vibration').locator('[data-testid="pen-current"]').textContent(), { timeout: 30_000 }).toMatch(/\d/);
    await expect.poll(() => legendItem('Pump1.Vibration').locator('[data-testid="tag-age"]').textContent()).toMatch(/^\d+(\.\d)? s$/);
    // The pens' own layer has coloured pixels on it: something is drawn, not a blank plot.
    const lit = () => page.locator('canvas.trend-series').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
      return count;
    });
    await expect.poll(lit, { timeout: 15_000 }).toBeGreaterThan(500);
    const all = await lit();
    const shown = legendItem('Pump1.Vibration').locator('[data-testid="pen-visible"]');
    await shown.uncheck();
    await expect.poll(lit).toBeLessThan(all / 2);
    await shown.check();
    await expect.poll(lit).toBeGreaterThan(all / 2);
  });

  it('switches the window between presets', async () => {
    await preset(10_000).click();
    await expect.poll(async () => Math.round(((await view()).to - (await view()).from) / 1000)).toBe(10);
    await expect(preset(10_000).getAttribute('aria-pressed')).resolves.toBe('true');
    await preset(600_000).click();
    await expect.poll(async () => Math.round(((await view()).to - (await view()).from) / 1000)).toBe(600);
    await preset(60_000).click();
    await expect.poll(async () => (await view()).mode).toBe('live');
  });

  it('freezes the view on pause while data keeps arriving, and follows now again when back to live', async () => {
    await page.mouse.move(5, 5);
    await page.locator('[data-testid="trend-pause"]').click();
    await expect.poll(async () => (await view()).mode).toBe('paused');
    // Each line then ends at the first report after the view, off screen to the right.
    await page.waitForTimeout(1000);
    const frozen = await view();
    const picture = await chart().screenshot();
    const current = legendItem('Pump1.Vibration').locator('[data-testid="pen-current"]');
    const before = await current.textContent();
    await expect.poll(() => current.textContent(), { timeout: 15_000 }).not.toBe(before);
    await page.waitForTimeout(500);
    expect(await view()).toEqual(frozen);
    expect(Buffer.compare(await chart().screenshot(), picture)).toBe(0);
    await page.locator('[data-testid="trend-go-live"]').click();
    await expect.poll(async () => (await view()).mode).toBe('live');
    await expect.poll(async () => (await view()).to).toBeGreaterThan(frozen.to);
  });

  it('shows a range typed to the second', async () => {
    const stamp = (ms: number) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    };
    const end = Math.floor(Date.now() / 1000) * 1000 - 2000;
    await page.locator('[data-testid="trend-range-from"]').fill(stamp(end - 5000));
    await page.locator('[data-testid="trend-range-to"]').fill(stamp(end));
    await page.locator('[data-testid="trend-range-apply"]').click();
    await expect.poll(view).toEqual({ mode: 'paused', from: end - 5000, to: end });
    await page.locator('[data-testid="trend-go-live"]').click();
    await expect.poll(async () => (await view()).mode).toBe('live');
  });

  it('zooms with the wheel and a dragged box, pans with shift-drag, and returns to live', async () => {
    const area = await box(page.locator('[data-testid="trend-chart"] .u-over'));
    const y = area.y + area.height / 2;
    await page.mouse.move(area.x + area.width / 2, y);
    await page.mouse.wheel(0, 400);
    await expect.poll(async () => (await view()).to - (await view()).from).toBeGreaterThan(65_000);
    const wide = await view();
    expect(wide.mode).toBe('live');
    await page.mouse.move(area.x + area.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.6, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await view()).mode).toBe('paused');
    const boxed = await view();
    expect((boxed.to - boxed.from) / (wide.to - wide.from)).toBeCloseTo(0.3, 1);
    await page.keyboard.down('Shift');
    await page.mouse.move(area.x + area.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.5, y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await view()).to).toBeLessThan(boxed.to);
    await page.locator('[data-testid="trend-go-live"]').click();
    await expect.poll(async () => (await view()).mode).toBe('live');
    const span = async () => {
      const { from, to } = await view();
      return to - from;
    };
    await expect.poll(async () => Math.abs((await span()) - (wide.to - wide.from))).toBeLessThan(1000);
    await preset(60_000).click();
  });

  it('reads every pen’s value and quality at the cursor', async () => {
    await preset(10_000).click();
    await page.locator('[data-testid="trend-pause"]').click();
    const area = await box(page.locator('[data-testid="trend-chart"] .u-over'));
    // Half a second before the pause: every pen has reported by then.
    await page.mouse.move(area.x + area.width * 0.95, area.y + area.height / 2);
    await expect.poll(() => page.locator('[data-testid="trend-cursor-time"]').textContent()).toMatch(/^At \d\d:\d\d:\d\d\.\d{3}$/);
    for (const name of ['Tank1.Level', 'Pump1.Vibration', 'Pump1.Running']) {
      const cell = legendItem(name).locator('[data-testid="pen-cursor"]');
      await expect.poll(() => cell.textContent()).toMatch(/\d|ON|OFF/);
      expect(await cell.getAttribute('data-quality')).toBe('good');
    }
    const number = async (testId: string) => Number(await legendItem('Pump1.Vibration').locator(`[data-testid="${testId}"]`).textContent());
    const atCursor = await number('pen-cursor');
    expect(atCursor).toBeGreaterThanOrEqual(await number('pen-min'));
    expect(atCursor).toBeLessThanOrEqual(await number('pen-max'));
    await page.mouse.move(5, 5);
  });

  it('exports the visible range as CSV, every sample with its own time, and as PNG', async () => {
    await expect.poll(async () => (await view()).mode).toBe('paused');
    const range = await view();
    const csv = await download('trend-export-csv');
    expect(csv.name).toMatch(/^trend-\d{8}-\d{6}\.csv$/);
    const [header, ...rows] = csv.body.toString('utf8').trim().split('\n');
    expect(header).toBe('time,tag,value,unit,quality,status,source');
    const parsed = rows.map((row) => row.split(','));
    const times = parsed.map(([time]) => new Date(time!).getTime());
    expect(times.every((t, i) => t <= range.to && (i === 0 || t >= times[i - 1]!))).toBe(true);
    // Each pen opens with the value in force as the range begins, reported at or before it, then its samples in range.
    for (const tag of ['demo/Tank1.Level', 'demo/Pump1.Vibration', 'demo/Pump1.Running']) {
      const own = times.filter((_, i) => parsed[i]![1] === tag);
      expect(own.length).toBeGreaterThan(0);
      expect(own.slice(1).every((t) => t >= range.from)).toBe(true);
    }
    // Each pen keeps its own samples and times: the 10 ms vibration is not resampled onto the 100 ms level's clock, or to pixels.
    const vibration = parsed.filter(([, tag]) => tag === 'demo/Pump1.Vibration');
    const level = parsed.filter(([, tag]) => tag === 'demo/Tank1.Level');
    expect(vibration.length).toBeGreaterThan(Math.max(100, 2 * level.length));
    expect(new Set(vibration.map(([time]) => time)).size).toBe(vibration.length);
    const levelTimes = new Set(level.map(([time]) => time));
    expect(vibration.filter(([time]) => !levelTimes.has(time)).length).toBeGreaterThan(vibration.length / 2);
    expect(vibration.every(([, , value, unit, quality]) => Number.isFinite(Number(value)) && unit === 'mm/s' && quality === 'good')).toBe(true);
    await expect.poll(() => page.locator('[data-testid="trend-message"]').textContent()).toContain('Exported 3 pens');

    const png = await download('trend-export-png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.body.length).toBeGreaterThan(10_000);
    await page.locator('[data-testid="trend-go-live"]').click();
    await preset(60_000).click();
  });

  it('saves a layout into the project, reopens it in a window of its own, and deletes it', async () => {
    const projectTrends = () => (JSON.parse(readFileSync(path.join(serve.userDataDir, 'projects', 'demo-plant.tidewatch'), 'utf8')) as { trends: { name: string; pens: { tagId: string }[] }[] }).trends;
    await page.locator('[data-testid="trend-layout-name"]').fill('Pump 1 check');
    await page.locator('[data-testid="trend-layout-save"]').click();
    const message = page.locator('[data-testid="trend-message"]');
    await expect.poll(() => message.textContent()).toMatch(/^Saved layout “Pump 1 check”\./);
    await expect.poll(() => page.locator('[data-testid="trend-layouts"] option').allTextContents()).toContain('Pump 1 check');
    expect(projectTrends().map((t) => [t.name, t.pens.map((pen) => pen.tagId)])).toEqual([['Pump 1 check', ['demo/Tank1.Level', 'demo/Pump1.Vibration', 'demo/Pump1.Running']]]);

    const reopened = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await reopened.goto(`${serve.url}&view=trend&layout=${encodeURIComponent('Pump 1 check')}`);
    await expect
      .poll(() => reopened.locator('[data-testid="trend-legend-item"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tag-id'))), { timeout: 30_000 })
      .toEqual(['demo/Tank1.Level', 'demo/Pump1.Vibration', 'demo/Pump1.Running']);
    await reopened.close();

    await page.locator('[data-testid="trend-layouts"]').selectOption('Pump 1 check');
    await page.locator('[data-testid="trend-layouts"] ~ button', { hasText: 'Delete' }).click();
    await expect.poll(() => message.textContent()).toMatch(/^Deleted layout “Pump 1 check”\./);
    expect(projectTrends()).toEqual([]);
  });

  it('opens the trend in a window of its own, with the same pens and no tag table', async () => {
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-testid="trend-open-window"]').click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).searchParams.get('view')).toBe('trend');
    const items = popup.locator('[data-testid="trend-legend-item"]');
    await expect.poll(() => items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tag-id'))), { timeout: 30_000 }).toEqual([
      'demo/Tank1.Level',
      'demo/Pump1.Vibration',
      'demo/Pump1.Running',
    ]);
    expect(await popup.locator('[data-testid="tag-row"]').count()).toBe(0);
    await popup.close();
  });

  it('ran without a single page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
