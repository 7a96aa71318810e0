import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/api/audit-api.js';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { logInPage } from '../support/log-in-page.js';

// Users meet the security as it is built: the first run, a login, a setpoint with its
// confirmation, the audit viewer, and a viewer who cannot write however they try.
describe('operators, viewers and the audit trail in Chromium', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-auth-'));
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe(['--user-data', userData]);
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const row = (name: string) => page.locator(`[data-testid="tag-row"][data-tag-id="demo/${name}"]`);

  it('starts with the administrator password and nothing else', async () => {
    await byTestId('first-run-setup').waitFor();
    expect(await byTestId('tag-row').count()).toBe(0);
    await byTestId('setup-password').fill('admin-pass-1');
    await byTestId('setup-repeat').fill('admin-pass-2');
    await byTestId('setup-submit').click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'the two passwords differ' }).count()).toBe(1);
    await byTestId('setup-repeat').fill('admin-pass-1');
    await byTestId('setup-submit').click();
    await page.locator('[data-testid="current-user"][data-user="admin"][data-role="administrator"]').waitFor();
    await waitForConnected(page);
  });

  it('has the administrator add the crew in the Users screen, refusing what main refuses, and audits each change', async () => {
    await byTestId('open-users').click();
    const users = byTestId('users-dialog');
    await users.waitFor();
    await page.locator('[data-testid="user-row"][data-user="admin"][data-role="administrator"]').waitFor();
    const addUser = async (name: string, displayName: string, role: string, areas: string, password: string) => {
      await byTestId('user-name').fill(name);
      await byTestId('user-display-name').fill(displayName);
      await byTestId('user-role').selectOption(role);
      await byTestId('user-areas').fill(areas);
      await byTestId('user-password').fill(password);
      await byTestId('user-save').click();
    };
    // Main's own rules, in main's words, and nothing saved.
    await addUser('olga', 'Olga Operator', 'operator', '*', 'short');
    await expect.poll(() => byTestId('user-error').textContent()).toBe('saveUser: password: must be at least 8 characters');
    await addUser('olga', 'Olga Operator', 'operator', ' , ', 'olga-pass-1');
    await expect.poll(() => byTestId('user-error').textContent()).toBe('areas: give at least one pattern, "*" for the whole plant');
    expect(await byTestId('user-row').count()).toBe(1);
    await addUser('olga', 'Olga Operator', 'operator', '*', 'olga-pass-1');
    await page.locator('[data-testid="user-row"][data-user="olga"][data-role="operator"]').waitFor();
    await addUser('OLGA', '', 'viewer', '*', 'other-pass-1');
    await expect.poll(() => byTestId('user-error').textContent()).toBe('name: there is already a user "OLGA"; pick it in the list to change it');
    await addUser('vic', 'Vic Viewer', 'viewer', 'demo/*', 'vic-pass-12');
    await page.locator('[data-testid="user-row"][data-user="vic"][data-role="viewer"]').waitFor();
    // A temporary account: changed, then deleted in two steps.
    await addUser('temp', 'Contractor', 'operator', 'demo/Tank1.*', 'temp-pass-1');
    const temp = page.locator('[data-testid="user-row"][data-user="temp"]');
    await temp.locator('[data-testid="user-edit"]').click();
    expect(await byTestId('user-form').getAttribute('data-editing')).toBe('temp');
    await byTestId('user-disabled').check();
    await byTestId('user-save').click();
    await expect.poll(() => temp.getAttribute('data-disabled')).toBe('true');
    await temp.locator('[data-testid="user-delete"]').click();
    await temp.locator('[data-testid="user-delete-confirm"]').click();
    await temp.waitFor({ state: 'detached' });
    // The last administrator stays: main refuses, and the screen says why.
    await page.locator('[data-testid="user-row"][data-user="admin"] [data-testid="user-delete"]').click();
    await page.locator('[data-testid="user-row"][data-user="admin"] [data-testid="user-delete-confirm"]').click();
    await expect.poll(() => byTestId('users-list-error').textContent()).toBe('deleteUser: admin is the last enabled administrator');
    expect((await byTestId('user-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user'))))).toEqual(['admin', 'olga', 'vic']);
    await page.keyboard.press('Escape');
    await users.waitFor({ state: 'detached' });
    const admin = await ApiSocket.open(serve.origin, serve.token);
    await admin.call('login', { name: 'admin', password: 'admin-pass-1' });
    const { records } = await admin.call<AuditPage>('queryAudit', { text: 'user.', limit: 50 });
    expect(records.map((r) => `${r.action} ${r.target} ${r.user}`).reverse()).toEqual(['user.setup admin admin', 'user.create olga admin', 'user.create vic admin', 'user.create temp admin', 'user.change temp admin', 'user.delete temp admin']);
    admin.close();
  });

  it('lets an operator change a setpoint after confirming tag, old and new value and unit, and shows the server’s answer', async () => {
    await byTestId('logout').click();
    await expect.poll(() => byTestId('current-user').getAttribute('data-user')).toBe('');
    expect(await byTestId('setpoint-button').count()).toBe(0); // read-only until someone logs in
    await logInPage(page, { name: 'olga', password: 'olga-pass-1' });
    const setpoint = row('TIC101.SP');
    await expect.poll(() => setpoint.locator('[data-testid="tag-quality"]').textContent(), { timeout: 30_000 }).toContain('Good');
    await setpoint.locator('[data-testid="setpoint-button"]').click();
    await byTestId('setpoint-input').fill('95');
    await byTestId('write-check').click();
    await expect.poll(() => byTestId('write-error').textContent()).toContain('95 degC is above the instrument range (EURange) high 90 degC');
    await byTestId('setpoint-input').fill('72.5');
    await byTestId('write-check').click();
    await byTestId('write-confirmation').waitFor();
    expect(await byTestId('write-tag').textContent()).toBe('demo/TIC101.SP');
    expect(await byTestId('write-old').textContent()).toMatch(/^\d+(\.\d+)?$/);
    expect(await byTestId('write-new').textContent()).toBe('72.5');
    expect(await byTestId('write-unit').textContent()).toBe('degC');
    await byTestId('write-confirm').click();
    const result = byTestId('write-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('Good');
    expect(await byTestId('write-read-back').textContent()).toContain('Read back: 72.5 degC (Good)');
    await byTestId('write-close').click();
    await expect.poll(() => setpoint.locator('[data-testid="tag-value"]').textContent(), { timeout: 15_000 }).toContain('72.5');
  });

  it('shows that write in the audit viewer, found by search', async () => {
    await byTestId('open-audit').click();
    await byTestId('audit-text').fill('TIC101.SP');
    await byTestId('audit-search').click();
    const entry = page.locator('[data-testid="audit-row"][data-action="write"][data-target="demo/TIC101.SP"]').first();
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('olga');
    expect(text).toContain('72.5');
    expect(text).toContain('Good');
    await byTestId('audit-verify').click();
    await expect.poll(() => byTestId('audit-verify-result').textContent()).toMatch(/^Chain intact: \d+ records verified\.$/);
    const download = page.waitForEvent('download');
    await byTestId('audit-export').click();
    const csv = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of csv) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^seq,time,user,station,action,target,oldValue,newValue,result,detail,hash\r\n/);
    await byTestId('audit-close').click();
    await byTestId('audit-panel').waitFor({ state: 'detached' });
  });

  it('offers the same setpoint entry in the trend legend', async () => {
    await row('TIC101.SP').locator('[data-testid="pen-toggle"]').click();
    const legend = page.locator('[data-testid="trend-legend-item"][data-tag-id="demo/TIC101.SP"]');
    await legend.locator('[data-testid="setpoint-button"]').click();
    await byTestId('setpoint-input').fill('61');
    await byTestId('write-check').click();
    expect(await byTestId('write-tag').textContent()).toBe('demo/TIC101.SP');
    await byTestId('write-confirm').click();
    expect(await byTestId('write-result').getAttribute('data-status')).toBe('Good');
    await byTestId('write-close').click();
    // The pen that is read-only on the server has no entry.
    await row('TIC101.PV').locator('[data-testid="pen-toggle"]').click();
    await page.locator('[data-testid="trend-legend-item"][data-tag-id="demo/TIC101.PV"]').waitFor();
    expect(await page.locator('[data-testid="trend-legend-item"][data-tag-id="demo/TIC101.PV"] [data-testid="setpoint-button"]').count()).toBe(0);
  });

  it('hides the control from a viewer, and main refuses the viewer’s direct call', async () => {
    await logInPage(page, { name: 'vic', password: 'vic-pass-12' }); // switch user
    await page.locator('[data-testid="current-user"][data-role="viewer"]').waitFor();
    await expect.poll(() => byTestId('tag-row').count()).toBeGreaterThan(40);
    expect(await byTestId('setpoint-button').count()).toBe(0);
    expect(await byTestId('open-audit').count()).toBe(0);
    const vic = await ApiSocket.open(serve.origin, serve.token);
    await vic.call('login', { name: 'vic', password: 'vic-pass-12' });
    await expect(vic.call('writeTag', { tagId: 'demo/TIC101.SP', value: 60 })).rejects.toThrow('writeTag: refused: viewer "vic" may not write demo/TIC101.SP');
    await expect(vic.call('prepareWrite', { tagId: 'demo/TIC101.SP', value: 60 })).rejects.toThrow('refused: viewer "vic"');
    vic.close();
  });

  it('locks on request, keeps the values live behind the lock, and unlocks with the password', async () => {
    await byTestId('lock').click();
    await byTestId('lock-screen').waitFor();
    const time = row('Tank1.Level').locator('[data-testid="tag-time"]');
    const shown = await time.textContent();
    await expect.poll(() => time.textContent(), { timeout: 30_000 }).not.toBe(shown);
    await byTestId('unlock-password').fill('wrong-password');
    await byTestId('unlock-submit').click();
    await expect.poll(() => byTestId('lock-screen').getByRole('alert').textContent()).toContain('wrong user name or password');
    await byTestId('unlock-password').fill('vic-pass-12');
    await byTestId('unlock-submit').click();
    await byTestId('lock-screen').waitFor({ state: 'detached' });
  });

  it('runs without a single page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
