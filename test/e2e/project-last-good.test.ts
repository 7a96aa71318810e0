import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// The 3 a.m. restart on a project file someone broke the evening before, as the operator
// meets it: the errors in the status bar, the good copy offered, one click to run it.
describe('a broken project file at start, in Chromium', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-last-good-'));
  const file = path.join(userData, 'line1.tidewatch');
  const serves: ServeProcess[] = [];
  let browser: Browser;
  const serve = async () => {
    const started = await startServe(['--user-data', userData, '--project', file]);
    serves.push(started);
    return started;
  };

  beforeAll(async () => {
    copyFileSync(path.resolve('examples/demo-plant.tidewatch'), file);
    const good = await serve();
    await good.setUpAdministrator(); // a good load: the station keeps its copy
    await good.stop();
    const project = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...project, servers: 'line1' }, null, 2));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const started of serves) await started.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  it('shows the errors, offers the good copy, runs the plant from it on one click, and loads the file once fixed', async () => {
    const broken = await serve();
    const { page, pageErrors } = await openApp(browser, broken.url);
    const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
    await expect.poll(() => byTestId('project-issues').textContent(), { timeout: 30_000 }).toContain('servers: ');
    const offer = page.locator('[data-testid="last-good"][data-running="false"]');
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/good copy/i);
    await offer.click();
    await page.locator('[data-testid="last-good"][data-running="true"]').waitFor({ timeout: 30_000 });
    await waitForConnected(page);
    expect(await byTestId('project-status').textContent()).toContain('Demo plant');
    // The file's errors stay on screen while the copy runs.
    expect(await byTestId('project-issues').textContent()).toContain('servers: ');
    await page.locator('[data-testid="tag-row"][data-tag-id="demo/Tank1.Level"]').waitFor();

    const fixed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    fixed.servers = (JSON.parse(readFileSync(path.resolve('examples/demo-plant.tidewatch'), 'utf8')) as { servers: unknown }).servers;
    fixed.name = 'Demo plant (fixed)';
    writeFileSync(file, JSON.stringify(fixed, null, 2));
    await expect.poll(() => byTestId('project-status').textContent(), { timeout: 30_000 }).toContain('Demo plant (fixed)');
    expect(await byTestId('last-good').count()).toBe(0);
    expect(await byTestId('project-issues').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
