import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot } from '../support/built-files.js';
import { launchChromium, openApp, waitForConnected } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { waitFor } from '../support/wait-for.js';

// The app as a user meets it: `npm run serve`, its printed URL opened in Chromium.
describe('the headless shell in Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator(); // past the first-run screen: the tests here are about the live plant
    browser = await launchChromium();
    ({ page, pageErrors } = await openApp(browser, serve.url));
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const row = (name: string) => page.locator(`[data-testid="tag-row"][data-tag-id="demo/${name}"]`);

  it('shows the demo plant connected, with a live table of its tags', async () => {
    await waitForConnected(page);
    expect(await page.locator('[data-testid="tag-row"]').count()).toBeGreaterThanOrEqual(40);
    const level = row('Tank1.Level');
    await expect.poll(() => level.locator('[data-testid="tag-quality"]').textContent(), { timeout: 30_000 }).toContain('Good');
    const first = await level.locator('[data-testid="tag-value"]').textContent();
    const firstTime = await level.locator('[data-testid="tag-time"]').textContent();
    await expect.poll(() => level.locator('[data-testid="tag-time"]').textContent(), { timeout: 30_000 }).not.toBe(firstTime);
    expect(first).toMatch(/\d/);
    expect(await level.textContent()).toContain('%');
  });

  it('draws a moving trend of the pens the user picks', async () => {
    const trend = page.locator('[data-testid="trend"]');
    await row('Tank1.Level').locator('[data-testid="pen-toggle"]').click();
    await row('Pump1.Vibration').locator('[data-testid="pen-toggle"]').click();
    await expect.poll(() => row('Pump1.Vibration').locator('[data-testid="pen-toggle"]').getAttribute('aria-pressed')).toBe('true');
    const canvas = trend.locator('canvas').first();
    await canvas.waitFor();
    const before = await canvas.screenshot();
    await expect.poll(async () => Buffer.compare(await canvas.screenshot(), before) !== 0, { timeout: 15_000 }).toBe(true);
    expect(new Set(before).size).toBeGreaterThan(16); // something is drawn, not a blank canvas
  });

  it('runs under its strict content security policy without a single page error', () => {
    expect(pageErrors).toEqual([]);
  });

  it('refuses a page or a socket without the access token', async () => {
    expect((await fetch(`${serve.origin}/`)).status).toBe(401);
    expect((await fetch(`${serve.origin}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${serve.origin}/?token=${serve.token}`)).status).toBe(200);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${serve.origin.replace('http', 'ws')}/ws`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('closes a client that sends a malformed message, logs why, and the others go on', async () => {
    const socketUrl = `${serve.origin.replace('http', 'ws')}/ws?token=${serve.token}`;
    const open = (ws: WebSocket) => new Promise((resolve) => ws.once('open', resolve));
    const bad = new WebSocket(socketUrl);
    const good = new WebSocket(socketUrl);
    let goodFrames = 0;
    // Listen before the socket opens: a frame that went unacknowledged would hold this client's stream.
    good.on('message', (data, isBinary) => {
      if (!isBinary) return;
      goodFrames++;
      const frame = data as Buffer;
      good.send(JSON.stringify({ t: 'ack', seq: frame.readUInt32LE(8) }));
    });
    await Promise.all([open(bad), open(good)]);
    const closed = new Promise<[number, string]>((resolve) => bad.once('close', (code, reason) => resolve([code, reason.toString()])));
    bad.send('{"t":"call","id":1,"method":"snapshot","params":{"__proto__":{"admin":true}},"extra":1}');
    expect(await closed).toEqual([1008, expect.stringContaining('malformed message')]);
    const after = goodFrames;
    await waitFor('frames to keep reaching the other client', () => goodFrames > after + 3);
    expect(serve.log()).toContain('closed a WebSocket client: malformed message');
    good.close();
    // The page's own socket went on too.
    const level = row('Tank1.Level').locator('[data-testid="tag-time"]');
    const shown = await level.textContent();
    await expect.poll(() => level.textContent(), { timeout: 30_000 }).not.toBe(shown);
  });

  it('takes the README screenshot once the trend has some history', async () => {
    await row('TIC101.PV').locator('[data-testid="pen-toggle"]').click();
    await page.waitForTimeout(8_000);
    mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
    expect(pageErrors).toEqual([]);
  });
});
