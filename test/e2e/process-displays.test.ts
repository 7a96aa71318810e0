import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { logInPage } from '../support/log-in-page.js';
import { setUpAdministrator, startServe, type ServeProcess } from '../support/serve-process.js';

const OLGA = { name: 'olga', password: 'olga-pass-1' };

// The demo project's two process displays, as an operator uses them: live values on the
// picture, a setpoint changed by clicking it, the alarm it raises marked where it is,
// the keys and links between displays, a display window, and edits of the project file.
describe('process displays in Chromium', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-displays-'));
  const projectFile = path.join(userData, 'projects', 'demo-plant.tidewatch');
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe(['--user-data', userData]);
    const admin = await ApiSocket.open(serve.origin, serve.token);
    await setUpAdministrator(admin);
    await admin.call('saveUser', { name: OLGA.name, displayName: 'Olga', role: 'operator', areas: ['demo/*'], disabled: false, password: OLGA.password });
    admin.close();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
    await waitForConnected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  const byTestId = (id: string, on: Page = page) => on.locator(`[data-testid="${id}"]`);
  const onDisplay = (kind: 'value' | 'bar' | 'indicator', tag: string, on: Page = page) => on.locator(`[data-testid="display-${kind}"][data-tag-id="demo/${tag}"]`);
  const shownDisplay = (on: Page = page) => byTestId('display-panel', on).getAttribute('data-display');

  it('draws the overview with live values, levels and states, and offers no change while nobody is logged in', async () => {
    await byTestId('pane-tab-displays').click();
    await expect.poll(() => shownDisplay()).toBe('Overview');
    expect(await byTestId('display-title').textContent()).toBe('Overview: transfer and heating');
    const temperature = onDisplay('value', 'TIC101.PV');
    await expect.poll(() => temperature.getAttribute('data-quality'), { timeout: 30_000 }).toBe('good');
    expect(await temperature.locator('[data-testid="display-value-text"]').textContent()).toMatch(/^\d+\.\d degC$/);
    // The bar is the level on its 0..100 % scale: the number beside it says the same.
    const level = Number.parseFloat((await onDisplay('value', 'Tank1.Level').locator('[data-testid="display-value-text"]').textContent()) ?? '');
    const fill = Number.parseFloat((await onDisplay('bar', 'Tank1.Level').getAttribute('data-fill')) ?? '');
    expect(Math.abs(fill * 100 - level)).toBeLessThan(3);
    await expect.poll(() => onDisplay('indicator', 'Pump1.Running').getAttribute('data-state')).toBe('on');
    expect(await onDisplay('indicator', 'Pump1.Running').locator('[data-testid="display-indicator-state"]').textContent()).toBe('RUNNING');
    expect(await onDisplay('indicator', 'Pump1.Fault').locator('[data-testid="display-indicator-state"]').textContent()).toBe('OK');
    expect(await onDisplay('indicator', 'Pump1.Fault').getAttribute('data-abnormal')).toBe('false');
    expect(await page.locator('[data-testid="display-value"][role="button"]').count()).toBe(0);
  });

  it('lets an operator change a setpoint by clicking it on the picture, and marks the alarm it raises until acknowledged', async () => {
    await logInPage(page, OLGA);
    const setpoint = onDisplay('value', 'TIC101.SP');
    await expect.poll(() => setpoint.getAttribute('role')).toBe('button');
    expect(await onDisplay('value', 'TIC101.PV').getAttribute('role')).toBeNull(); // a measurement is not a setpoint
    await setpoint.click();
    await byTestId('setpoint-input').fill('85');
    await byTestId('write-check').click();
    await byTestId('write-confirmation').waitFor();
    expect(await byTestId('write-tag').textContent()).toBe('demo/TIC101.SP');
    await byTestId('write-confirm').click();
    await expect.poll(() => byTestId('write-result').getAttribute('data-status')).toBe('Good');
    await byTestId('write-close').click();
    await expect.poll(() => setpoint.locator('[data-testid="display-value-text"]').textContent(), { timeout: 15_000 }).toBe('85.00 degC');
    // 30 degC off its setpoint for the alarm's on-delay: the deviation alarm, marked on the value it is about.
    const mark = onDisplay('value', 'TIC101.PV').locator('[data-testid="display-alarm"]');
    await expect.poll(() => mark.getAttribute('data-priority'), { timeout: 30_000 }).toBe('medium');
    expect(await mark.getAttribute('data-acked')).toBe('false');
    await page.keyboard.press('F8');
    await expect.poll(async () => ((await mark.count()) === 0 ? 'gone' : await mark.getAttribute('data-acked')), { timeout: 15_000 }).not.toBe('false');
  });

  it('walks between displays with Ctrl+PageDown and Ctrl+PageUp, the arrows, the list and the links on the picture', async () => {
    await page.keyboard.press('Control+PageDown');
    await expect.poll(() => shownDisplay()).toBe('Filling line');
    await expect.poll(() => onDisplay('value', 'Pump2.SpeedSP').getAttribute('data-quality'), { timeout: 30_000 }).toBe('good');
    await page.keyboard.press('Control+PageUp');
    await expect.poll(() => shownDisplay()).toBe('Overview');
    await page.locator('[data-testid="display-link"][data-display="Filling line"]').click();
    await expect.poll(() => shownDisplay()).toBe('Filling line');
    await byTestId('display-next').click();
    await expect.poll(() => shownDisplay()).toBe('Overview');
    await byTestId('display-select').selectOption('Filling line');
    await expect.poll(() => shownDisplay()).toBe('Filling line');
    // From the tag table, the key brings the displays back.
    await byTestId('pane-tab-tags').click();
    await page.locator('[data-testid="tag-row"]').first().waitFor();
    await page.keyboard.press('Control+PageDown');
    await expect.poll(() => shownDisplay()).toBe('Overview');
  });

  it('opens a display in a window of its own, with the alarm banner and without the table', async () => {
    const popup = page.waitForEvent('popup');
    await byTestId('display-open-window').click();
    const own = await popup;
    const ownErrors: string[] = [];
    own.on('pageerror', (error) => ownErrors.push(error.message));
    expect(new URL(own.url()).searchParams.get('view')).toBe('display');
    expect(new URL(own.url()).searchParams.get('layout')).toBe('Overview');
    await expect.poll(() => shownDisplay(own), { timeout: 30_000 }).toBe('Overview');
    await expect.poll(() => onDisplay('value', 'Tank2.Level', own).getAttribute('data-quality'), { timeout: 30_000 }).toBe('good');
    await byTestId('alarm-banner', own).waitFor();
    expect(await own.locator('[data-testid="tag-row"]').count()).toBe(0);
    await own.locator('[data-testid="display-link"][data-display="Filling line"]').click();
    await expect.poll(() => shownDisplay(own)).toBe('Filling line');
    expect(ownErrors).toEqual([]);
    await own.close();
  });

  it('follows the project file: an edited display is redrawn; a broken one is refused with its path and the running one stays', async () => {
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { displays: { title?: string; elements: { tag?: string }[] }[] };
    project.displays[0]!.title = 'Overview (edited on disk)';
    writeFileSync(projectFile, `${JSON.stringify(project, null, 2)}\n`);
    await expect.poll(() => byTestId('display-title').textContent(), { timeout: 30_000 }).toBe('Overview (edited on disk)');
    const firstLive = project.displays[1]!.elements.findIndex((element) => element.tag !== undefined);
    project.displays[1]!.elements[firstLive]!.tag = 'demo/NoSuchTag';
    project.displays[0]!.title = 'Not applied';
    writeFileSync(projectFile, `${JSON.stringify(project, null, 2)}\n`);
    const issues = byTestId('project-issues');
    await expect.poll(() => issues.textContent(), { timeout: 30_000 }).toContain(`displays[1].elements[${firstLive}].tag: unknown tag "demo/NoSuchTag"`);
    expect(await byTestId('display-title').textContent()).toBe('Overview (edited on disk)');
    expect(await onDisplay('value', 'TIC101.PV').getAttribute('data-quality')).toBe('good');
    expect(pageErrors).toEqual([]);
  });
});
