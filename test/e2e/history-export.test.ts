import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// Someone at the read-only station exports what the demo plant recorded, as a CSV download.
describe('exporting history from the running demo plant, in Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const TAGS = ['demo/Tank1.Level', 'demo/TIC101.PV'];

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const dialog = () => page.getByTestId('export-history');
  const error = () => page.getByTestId('export-history-error');

  async function downloaded(download: Promise<Download>): Promise<{ name: string; rows: string[][] }> {
    const chunks: Buffer[] = [];
    const file = await download;
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // No tag name or value here holds a comma or a quote: a plain split reads it.
    return { name: file.suggestedFilename(), rows: text.slice(1).split('\r\n').slice(0, -1).map((line) => line.split(',')) };
  }

  // History is written a second at a time: wait until the historian holds what a test reads.
  async function waitForHistory(enough: (times: number[]) => boolean): Promise<void> {
    const api = await ApiSocket.open(serve.origin, serve.token);
    const recorded = async () => {
      const series = (await api.call('readHistory', { tagIds: TAGS, from: Date.now() - 3_600_000, to: Date.now() + 60_000, buckets: 0 })) as { time: number[] }[];
      return series.every((s) => enough(s.time));
    };
    await expect.poll(recorded, { timeout: 30_000 }).toBe(true).finally(() => api.close());
  }

  it('downloads every sample of the chosen tags in the last hour, with UTC times and quality', async () => {
    await waitForHistory((times) => times.length >= 3);
    await page.getByTestId('export-history-open').click();
    await page.getByTestId('export-history-tags').selectOption(TAGS);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-history-submit').click();
    const { name, rows } = await downloaded(download);
    expect(name).toMatch(/^history-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv$/);
    const [header, ...body] = rows;
    expect(header).toEqual(['Time', 'UTC', 'demo/Tank1.Level', 'demo/Tank1.Level status', 'demo/TIC101.PV', 'demo/TIC101.PV status']);
    for (const [column, tag] of [[2, TAGS[0]], [4, TAGS[1]]] as const) {
      const samples = body.filter((row) => row[column] !== '');
      expect(samples.length, tag).toBeGreaterThanOrEqual(3);
      for (const row of samples) {
        expect(Number.isFinite(Number(row[column])), `${tag} value ${row[column]}`).toBe(true);
        expect(row[column + 1], tag).toBe('Good');
      }
    }
    for (const row of body) expect(row[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await dialog().waitFor({ state: 'detached' });
  });

  it('downloads a row per second with average, min, max, first, last and counts', async () => {
    // Only seconds that hold samples get a row: a slow tag's first samples can share one second.
    await waitForHistory((times) => new Set(times.map((t) => Math.floor(t / 1000))).size >= 2);
    await page.getByTestId('export-history-open').click();
    await page.getByTestId('export-history-tags').selectOption([TAGS[0]!]);
    await page.getByTestId('export-history-aggregated').check();
    await page.getByTestId('export-history-interval').selectOption('1000');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-history-submit').click();
    const { name, rows } = await downloaded(download);
    expect(name).toMatch(/-1000ms\.csv$/);
    const [header, ...body] = rows;
    expect(header).toEqual(['Interval start', 'UTC', ...['avg', 'min', 'max', 'first', 'last', 'samples', 'bad'].map((column) => `demo/Tank1.Level ${column}`)]);
    expect(body.length).toBeGreaterThanOrEqual(2);
    for (const row of body) {
      expect(row[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(Number(row[7])).toBeGreaterThanOrEqual(1);
      expect(Number(row[3])).toBeLessThanOrEqual(Number(row[4]));
    }
    await dialog().waitFor({ state: 'detached' });
  });

  it('says what is wrong in the dialog, downloads nothing, and keeps what was chosen', async () => {
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('export-history-open').click();
    await page.getByTestId('export-history-submit').click();
    await expect.poll(() => error().textContent()).toBe('choose at least one tag');
    await page.getByTestId('export-history-tags').selectOption([TAGS[0]!]);
    await page.getByTestId('export-history-from').fill('2026-06-01T08:00');
    await page.getByTestId('export-history-to').fill('2026-06-01T07:00');
    await page.getByTestId('export-history-submit').click();
    await expect.poll(() => error().textContent()).toBe('exportHistory: to: to must be after from');
    await page.getByTestId('export-history-from').fill('2000-01-01T00:00');
    await page.getByTestId('export-history-to').fill('2026-06-01T07:00');
    await page.getByTestId('export-history-aggregated').check();
    await page.getByTestId('export-history-interval').selectOption('1000');
    await page.getByTestId('export-history-submit').click();
    await expect.poll(() => error().textContent()).toMatch(/^exportHistory: intervalMs: range too large: [\d,]+ intervals × 1 tag\(s\), at most 500,000; choose a longer interval/);
    expect(await page.getByTestId('export-history-tags').evaluate((select: HTMLSelectElement) => Array.from(select.selectedOptions, (o) => o.value))).toEqual([TAGS[0]]);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(downloads).toBe(0);
  });

  it('runs without a single page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
