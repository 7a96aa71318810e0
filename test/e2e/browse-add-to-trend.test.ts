import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { logInPage } from '../support/log-in-page.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';

// An operator adds a server, browses its address space, reads a variable's attributes and
// puts it on the trend with a click, then drags another into the tag table.
describe('browsing a server and adding its variables, in Chromium', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-browse-'));
  let plc: RunningTestServer;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const browserPanel = () => page.getByTestId('address-browser');
  const treeNode = (nodeId: string) => browserPanel().locator(`[data-testid="tree-node"][data-node-id="${nodeId}"]`).first();
  const row = (tagId: string) => page.locator(`[data-testid="tag-row"][data-tag-id="${tagId}"]`);

  beforeAll(async () => {
    plc = await startTestServer({ pkiDir: path.join(dir, 'plc'), counters: 5 });
    serve = await startServe();
    await serve.setUpAdministrator();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(serve.url);
    await logInPage(page); // adding servers and trusting certificates is an engineer's or administrator's work
    await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor({ timeout: 60_000 });
    // The server is added through the dialog, unsecured: the way in for a test bench PLC.
    await page.getByTestId('add-server-open').click();
    await page.getByTestId('endpoint-url').fill(plc.endpointUrl);
    await page.getByTestId('find-endpoints').click();
    await page.locator('[data-endpoint="None/None"]').check({ timeout: 30_000 });
    await page.getByTestId('server-name').fill('Bench');
    await page.getByTestId('add-server').click();
    await page.locator('[data-testid="connection-status"][data-connection-id="Bench"][data-state="connected"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await plc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the address space lazily from Objects', async () => {
    await page.getByTestId('browse-toggle').click();
    await page.getByTestId('browser-connection').selectOption('Bench');
    await treeNode('ns=1;s=Test').waitFor({ timeout: 30_000 });
    expect(await browserPanel().locator('[data-node-id="ns=1;s=Test.Temperature"]').count()).toBe(0); // not browsed until opened
    await browserPanel().locator('[data-testid="tree-expand"][data-node-id="ns=1;s=Test"]').click();
    await treeNode('ns=1;s=Test.Temperature').waitFor();
    expect(await treeNode('ns=1;s=Test.Pump').getAttribute('data-node-class')).toBe('Object');
  });

  it('finds a node by browse name and shows its attributes', async () => {
    await page.getByTestId('browser-search').fill('flowsensor');
    await page.getByTestId('browser-search').press('Enter');
    const result = page.getByTestId('search-results').locator('li').first();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('Test / Area1 / Line2 / Cell3');
    await treeNode('ns=1;s=Test.Temperature').click();
    const panel = page.getByTestId('attribute-panel');
    await panel.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('attribute-node-class').textContent()).toBe('Variable');
    expect(await page.getByTestId('attribute-data-type').textContent()).toBe('Double');
    expect(await page.getByTestId('attribute-unit').textContent()).toBe('°C');
    expect(await panel.textContent()).toContain('0 … 200');
    expect(await page.getByTestId('attribute-value').textContent()).toContain('Good');
  });

  it('adds the variable to the trend with one click, live and Good', async () => {
    await page.getByTestId('add-to-trend').click();
    const added = row('Bench/Test.Temperature');
    await added.waitFor({ timeout: 30_000 });
    await expect.poll(() => added.locator('[data-testid="pen-toggle"]').getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => added.locator('[data-testid="tag-quality"]').textContent(), { timeout: 30_000 }).toContain('Good');
    // The unit comes with the tag's metadata, read beside the first samples, not before them.
    await expect.poll(() => added.textContent(), { timeout: 30_000 }).toContain('°C');
  });

  it('adds a variable dragged onto the tag table', async () => {
    await browserPanel().locator('[data-testid="tree-expand"][data-node-id="ns=1;s=Test.Counters"]').click();
    await treeNode('ns=1;s=Test.V3').dragTo(page.locator('.tag-table'));
    const added = row('Bench/Test.V3');
    await added.waitFor({ timeout: 30_000 });
    await expect.poll(() => added.locator('[data-testid="tag-quality"]').textContent(), { timeout: 30_000 }).toContain('Good');
    expect(await added.locator('[data-testid="tag-age"]').textContent()).toMatch(/^\d+(\.\d)? s$/);
    expect(await added.locator('[data-testid="pen-toggle"]').getAttribute('aria-pressed')).toBe('false');
  });

  it('offers no way to add a node that is not a variable', async () => {
    await treeNode('ns=1;s=Test.Pump').click();
    await expect.poll(() => page.getByTestId('attribute-node-class').textContent(), { timeout: 30_000 }).toBe('Object');
    expect(await page.getByTestId('add-to-trend').count()).toBe(0);
    expect(await treeNode('ns=1;s=Test.Pump').getAttribute('draggable')).toBe('false');
    expect(pageErrors).toEqual([]);
  });
});
