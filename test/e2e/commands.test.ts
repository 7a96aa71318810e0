import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { setUpAdministrator, startServe, type ServeProcess } from '../support/serve-process.js';
import { logInPage } from '../support/log-in-page.js';

// The demo project's commands as an operator meets them: a critical method with an
// argument typed into the form, its confirmation and the server's answer; a viewer cannot.
describe('commands in Chromium', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-commands-'));
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe(['--user-data', userData]);
    const admin = await ApiSocket.open(serve.origin, serve.token);
    await setUpAdministrator(admin, { name: 'admin', displayName: 'Site admin', password: 'admin-pass-1' });
    await admin.call('saveUser', { name: 'olga', displayName: 'Olga Operator', role: 'operator', areas: ['*'], disabled: false, password: 'olga-pass-1' });
    await admin.call('saveUser', { name: 'vic', displayName: 'Vic Viewer', role: 'viewer', areas: ['*'], disabled: false, password: 'vic-pass-12' });
    admin.close();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const command = (name: string) => page.locator(`[data-testid="command-button"][data-command="${name}"]`);

  it('lets an operator start a batch after confirming what will be done, and shows the result', async () => {
    await logInPage(page, { name: 'olga', password: 'olga-pass-1' });
    await waitForConnected(page);
    await command('Line.StartBatch').click();
    await page.locator('[data-testid="command-argument"][data-argument="BatchSize"]').fill('2.5');
    await byTestId('command-check').click();
    await expect.poll(() => byTestId('command-error').textContent()).toContain('BatchSize: takes a whole number from 0 to 4294967295 (UInt32), not 2.5');
    await page.locator('[data-testid="command-argument"][data-argument="BatchSize"]').fill('120');
    await byTestId('command-check').click();
    await byTestId('command-confirmation').waitFor();
    expect(await byTestId('command-action').textContent()).toBe('call method ns=1;s=Line.StartBatch on ns=1;s=DemoPlant.Line (server demo)');
    expect(await byTestId('command-argument-value').textContent()).toBe('120');
    expect(await byTestId('command-selected').textContent()).toMatch(/^Critical: selected\. Run within \d+ s\.$/);
    await byTestId('command-confirm').click();
    const result = byTestId('command-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('Good');
    expect(await byTestId('command-output').textContent()).toMatch(/^BatchId = \d+$/);
    await byTestId('command-close').click();
  });

  it('shows a Bad answer from the server as an error', async () => {
    await command('Line.StartBatch').click();
    await page.locator('[data-testid="command-argument"][data-argument="BatchSize"]').fill('50000');
    await byTestId('command-check').click();
    await byTestId('command-confirm').click();
    const result = byTestId('command-result');
    await result.waitFor();
    expect(await result.getAttribute('role')).toBe('alert');
    expect(await result.textContent()).toContain('The command failed: BadInvalidArgument');
    expect(await byTestId('command-argument-result').textContent()).toBe('BatchSize: BadOutOfRange');
    await byTestId('command-close').click();
  });

  it('shows a viewer the commands disabled, and main refuses the direct call', async () => {
    await logInPage(page, { name: 'vic', password: 'vic-pass-12' });
    await page.locator('[data-testid="current-user"][data-role="viewer"]').waitFor();
    await expect.poll(() => command('Pump1.ResetTrip').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="command-button"]:not([disabled])').count()).toBe(0);
    const vic = await ApiSocket.open(serve.origin, serve.token);
    await vic.call('login', { name: 'vic', password: 'vic-pass-12' });
    await expect(vic.call('runCommand', { name: 'Pump1.ResetTrip', arguments: {} })).rejects.toThrow('runCommand: refused: viewer "vic" may not command demo/Pump1.ResetTrip');
    vic.close();
  });

  it('runs without a single page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
