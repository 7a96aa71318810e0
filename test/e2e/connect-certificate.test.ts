import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { logInPage } from '../support/log-in-page.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';

// An operator adds a secured server through the connection dialog: its endpoints are listed,
// its unknown certificate is shown for a decision, and trusting it connects.
describe('adding a secured server and trusting its certificate, in Chromium', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-connect-'));
  let plc: RunningTestServer;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const dialog = () => page.getByTestId('connection-dialog');

  beforeAll(async () => {
    plc = await startTestServer({
      pkiDir: path.join(dir, 'plc'),
      securityModes: ['None', 'SignAndEncrypt'],
      securityPolicies: ['None', 'Basic256Sha256', 'Aes256_Sha256_RsaPss'],
      users: [{ userName: 'operator', password: 'op-secret' }],
    });
    serve = await startServe();
    await serve.setUpAdministrator();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(serve.url);
    await logInPage(page); // adding servers and trusting certificates is an engineer's or administrator's work
    await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await plc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says why a server cannot be asked for its endpoints', async () => {
    await page.getByTestId('add-server-open').click();
    await page.getByTestId('endpoint-url').fill('opc.tcp://127.0.0.1:1');
    await page.getByTestId('find-endpoints').click();
    await expect.poll(() => page.getByTestId('endpoints-error').textContent(), { timeout: 30_000 }).toContain('connection refused by 127.0.0.1:1');
  });

  it('lists the server’s endpoints and the logins each takes', async () => {
    await page.getByTestId('endpoint-url').fill(plc.endpointUrl);
    await page.getByTestId('find-endpoints').click();
    const options = dialog().getByTestId('endpoint-option');
    await options.first().waitFor({ timeout: 30_000 });
    const labels = await dialog().locator('.endpoint-option').allTextContents();
    expect(labels[0]).toMatch(/^SignAndEncrypt · (Basic256Sha256|Aes256_Sha256_RsaPss) — logins: /);
    expect(labels).toContain('No security — logins: anonymous, user name, X.509 certificate');
  });

  it('shows the unknown certificate with what an operator needs to decide', async () => {
    await dialog().locator('[data-endpoint="SignAndEncrypt/Basic256Sha256"]').check();
    await page.getByTestId('login-kind').selectOption('userName');
    await page.getByTestId('user-name').fill('operator');
    await page.getByTestId('password').fill('op-secret');
    await page.getByTestId('server-name').fill('Line 3 PLC');
    await page.getByTestId('add-server').click();
    await dialog().waitFor({ state: 'detached' });
    const prompt = page.getByTestId('certificate-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.getAttribute('data-thumbprint')).toBe(plc.certificateThumbprint);
    const text = (await prompt.textContent()) ?? '';
    expect(text).toContain('Trust the certificate of Line 3 PLC?');
    expect(text).toContain('CN=Tidewatch test server (valid)');
    expect(text).toContain(plc.applicationUri);
    expect(await page.getByTestId('certificate-thumbprint').textContent()).toBe(plc.certificateThumbprint.toUpperCase().match(/../g)!.join(':'));
    const status = page.locator('[data-testid="connection-status"][data-connection-id="Line-3-PLC"]');
    expect(await status.getAttribute('data-state')).toBe('failed');
    expect(await status.textContent()).toContain('not trusted');
  });

  it('connects once the operator trusts it, and the prompt goes away', async () => {
    await page.getByTestId('certificate-trust').click();
    await page.getByTestId('certificate-prompt').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('[data-testid="connection-status"][data-connection-id="Line-3-PLC"][data-state="connected"]').waitFor({ timeout: 30_000 });
    expect(serve.log()).toContain('Line 3 PLC: connected to');
    expect(pageErrors).toEqual([]);
  });
});
