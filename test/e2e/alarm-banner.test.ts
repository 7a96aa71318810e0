import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmList } from '../../shared/api/alarm-api.js';
import { ApiSocket } from '../support/api-socket.js';
import { collectPageErrors, launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { TEST_ADMIN } from '../support/test-security.js';

const DEVIATION = 'local:TIC101.DEV';
const HIGH_TEMPERATURE = 'demo:ns=1;s=Alarms.TIC101.PV';
const PUMP2_TRIP = 'demo:ns=1;s=Alarms.Pump2.Fault';

// The operator's alarm loop in Chromium against `npm run serve` and its demo plant:
// a new alarm in the banner, the horn silenced, the alarm acknowledged from the
// summary, and the journal showing it all. Needs the demo project's local alarms
// (TIC101.DEV) and the plant's own OPC UA conditions.
describe('alarms in Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let api: ApiSocket;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator();
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
    await waitForConnected(page);
    // Acknowledging needs a user: the operator at this station logs in, as on a real shift.
    await page.locator('[data-testid="login-open"]').click();
    await page.locator('[data-testid="login-name"]').fill(TEST_ADMIN.name);
    await page.locator('[data-testid="login-password"]').fill(TEST_ADMIN.password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator(`[data-testid="current-user"][data-user="${TEST_ADMIN.name}"]`).waitFor();
    api = await ApiSocket.open(serve.origin, serve.token);
    await api.call('login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password });
  });

  afterAll(async () => {
    await api?.call('writeTag', { tagId: 'demo/TIC101.SP', value: 55 }).catch(() => undefined);
    await api?.call('writeTag', { tagId: 'demo/Pump2.Reset', value: true }).catch(() => undefined);
    api?.close();
    await browser?.close();
    await serve?.stop();
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const row = (id: string) => page.locator(`[data-testid="alarm-row"][data-alarm-id="${id}"]`);

  it('shows a new alarm in the banner, by priority with shape and text, and sounds until silenced', async () => {
    const banner = byTestId('alarm-banner');
    await expect.poll(() => banner.getAttribute('data-loaded')).toBe('true');
    expect(await byTestId('alarm-banner-top').getAttribute('data-alarm-id')).toBe('');
    // The setpoint jumps 20 degC: the heater cannot follow at once, so the deviation alarm rises.
    expect(await api.call('writeTag', { tagId: 'demo/TIC101.SP', value: 78 })).toMatchObject({ statusText: 'Good' });
    const top = byTestId('alarm-banner-top');
    await expect.poll(() => top.getAttribute('data-alarm-id'), { timeout: 30_000 }).toBe(DEVIATION);
    expect(await top.textContent()).toContain('Medium');
    expect(await top.textContent()).toContain('■');
    expect(await page.locator('[data-testid="alarm-count"][data-priority="medium"]').getAttribute('data-unacked')).toBe('1');
    expect(await banner.getAttribute('data-sounding')).not.toBe('');
    await byTestId('alarm-silence').click();
    await expect.poll(() => banner.getAttribute('data-sounding')).toBe('');
    // Silenced, not acknowledged: the alarm still waits for the operator.
    expect(await top.getAttribute('data-alarm-id')).toBe(DEVIATION);
  });

  it('opens the summary from the banner with the guidance, and acknowledging there updates the banner', async () => {
    await byTestId('alarm-banner-top').click();
    await byTestId('alarm-summary').waitFor();
    await expect.poll(() => byTestId('alarm-details').getAttribute('data-alarm-id')).toBe(DEVIATION);
    expect(await byTestId('alarm-guidance').textContent()).toContain('Check that TIC101 is in auto');
    const deviation = row(DEVIATION);
    expect(await deviation.getAttribute('data-state')).toBe('unackActive');
    await deviation.locator('input[type="checkbox"]').check();
    await byTestId('alarm-ack-selected').click();
    await expect.poll(() => deviation.getAttribute('data-state')).toBe('ackActive');
    expect(await byTestId('alarm-note').textContent()).toBe('Acknowledge: done');
    await expect.poll(() => byTestId('alarm-banner-top').getAttribute('data-alarm-id')).not.toBe(DEVIATION);
    expect(await page.locator('[data-testid="alarm-count"][data-priority="medium"]').getAttribute('data-unacked')).toBe('0');
  });

  it('trends the alarm’s tag from ten minutes before it became active, held there, and back to live', async () => {
    const { alarms } = await api.call<AlarmList>('listAlarms');
    const activeTime = alarms.find((alarm) => alarm.id === DEVIATION)?.activeTime;
    expect(activeTime).toEqual(expect.any(Number));
    await byTestId('alarm-show-trend').click();
    await page.locator('[data-testid="trend-legend-item"][data-tag-id="demo/TIC101.PV"]').waitFor();
    const mode = byTestId('trend-mode');
    await expect.poll(() => mode.getAttribute('data-mode')).toBe('paused');
    expect([Number(await mode.getAttribute('data-from')), Number(await mode.getAttribute('data-to'))]).toEqual([activeTime! - 10 * 60_000, activeTime! + 5 * 60_000]);
    expect(await byTestId('alarm-panel').count()).toBe(0); // closed, so the trend is in sight
    await byTestId('trend-go-live').click();
    await expect.poll(() => mode.getAttribute('data-mode')).toBe('live');
    await page.locator('[data-testid="alarm-count"][data-priority="medium"]').click();
    await byTestId('alarm-summary').waitFor();
  });

  it('shows the plant’s own OPC UA condition when the temperature crosses its high limit', async () => {
    await row(HIGH_TEMPERATURE).waitFor({ timeout: 60_000 });
    expect(await row(HIGH_TEMPERATURE).textContent()).toContain('TIC101.PV high');
    expect(await row(HIGH_TEMPERATURE).getAttribute('data-priority')).toBe('high');
  });

  it('shows a pump trip, the plant’s off-normal condition, with its area and guidance, through acknowledge, reset and confirm', async () => {
    const runCommand = async (name: string) => {
      await page.locator(`[data-testid="command-button"][data-command="${name}"]`).click();
      await byTestId('command-check').click();
      await byTestId('command-confirm').click();
      await expect.poll(() => byTestId('command-result').getAttribute('data-status')).toBe('Good');
      await byTestId('command-close').click();
    };
    const openSummary = async () => {
      await page.locator('[data-testid="alarm-count"][data-priority="high"]').click();
      await byTestId('alarm-summary').waitFor();
    };
    await page.keyboard.press('Escape');
    await expect.poll(() => byTestId('alarm-panel').count()).toBe(0);
    // The operator rehearses a trip with the demo's training command, confirmed as a critical one.
    await runCommand('Pump2.SimulateTrip');
    await expect.poll(() => byTestId('alarm-banner-top').getAttribute('data-alarm-id'), { timeout: 30_000 }).toBe(PUMP2_TRIP);
    await byTestId('alarm-banner-top').click();
    const trip = row(PUMP2_TRIP);
    await trip.waitFor();
    expect(await trip.getAttribute('data-state')).toBe('unackActive');
    expect(await trip.getAttribute('data-priority')).toBe('high');
    expect(await trip.textContent()).toContain('Pump2 tripped on dry run');
    expect(await trip.textContent()).toContain('Pumps');
    await expect.poll(() => byTestId('alarm-details').getAttribute('data-alarm-id')).toBe(PUMP2_TRIP);
    expect(await byTestId('alarm-guidance').textContent()).toContain('pulse Pump2 reset');
    await trip.locator('input[type="checkbox"]').check();
    await byTestId('alarm-ack-selected').click();
    await expect.poll(() => trip.getAttribute('data-state'), { timeout: 30_000 }).toBe('ackActive');
    // Reset as the guidance says: back to normal, it waits in the list for a confirm.
    await page.keyboard.press('Escape');
    await runCommand('Pump2.ResetPulse');
    await openSummary();
    await expect.poll(() => trip.textContent(), { timeout: 30_000 }).toContain('to confirm');
    await trip.locator('input[type="checkbox"]').check();
    await byTestId('alarm-confirm-selected').click();
    await expect.poll(() => trip.count(), { timeout: 30_000 }).toBe(0);
    const { entries } = await api.call<{ entries: { alarmId: string; kind: string }[] }>('queryAlarmJournal', { from: 0, to: Date.now() + 60_000, text: 'Pump2', limit: 100 });
    expect(entries.filter((e) => e.alarmId === PUMP2_TRIP).map((e) => e.kind)).toEqual(expect.arrayContaining(['raise', 'ack', 'clear', 'confirm']));
  });

  it('shows the alarm views alone, for a second monitor, that Escape does not close', async () => {
    const url = new URL(serve.url);
    url.searchParams.set('view', 'alarms');
    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(second);
    await second.goto(url.toString());
    const panel = second.locator('[data-testid="alarm-panel"][data-pinned="true"]');
    await panel.waitFor({ timeout: 30_000 });
    await second.locator(`[data-testid="alarm-row"][data-alarm-id="${HIGH_TEMPERATURE}"]`).waitFor({ timeout: 30_000 });
    expect(await second.locator('[data-testid="alarm-banner"]').count()).toBe(1);
    expect(await second.locator('[data-testid="tag-row"], [data-testid="trend"], .alarm-panel-close').count()).toBe(0);
    await second.keyboard.press('Escape');
    await second.locator('[data-testid="alarm-tab-journal"]').click();
    await second.locator('[data-testid="alarm-journal-text"]').waitFor();
    expect(await panel.count()).toBe(1);
    expect(errors).toEqual([]);
    await second.close();
  });

  it('records the raise and the acknowledge in the journal, searchable by text', async () => {
    await byTestId('alarm-tab-journal').click();
    await byTestId('alarm-journal-text').fill('TIC101.DEV');
    await byTestId('alarm-journal-search').click();
    const entries = page.locator(`[data-testid="alarm-journal-entry"][data-alarm-id="${DEVIATION}"]`);
    await expect.poll(() => entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(expect.arrayContaining(['raise', 'ack']));
    expect(pageErrors).toEqual([]);
  });
});
