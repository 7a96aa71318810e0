import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ConnectionStatus, Snapshot } from '../../shared/contract.js';
import { launchChromium } from '../support/chromium.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { waitFor } from '../support/wait-for.js';

// A renderer that crashes must not take the plant connection with it. The desktop shell reloads
// a crashed window (render-process-gone); it cannot run here, so the same is done through the
// headless shell: a Chromium tab is crashed for real (CDP Page.crash) and the app opened again.
describe('a crashed renderer', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let watcher: WebSocket;
  let watcherFrames = 0;

  beforeAll(async () => {
    serve = await startServe();
    await serve.setUpAdministrator(); // past the first-run screen: the tests here are about the live plant
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(serve.url);
    // A second client, like a second window: it must see the stream go on throughout.
    watcher = new WebSocket(`${serve.origin.replace('http', 'ws')}/ws?token=${serve.token}`);
    watcher.on('message', (data, isBinary) => {
      if (!isBinary) return;
      watcherFrames++;
      watcher.send(JSON.stringify({ t: 'ack', seq: (data as Buffer).readUInt32LE(8) }));
    });
    await new Promise((resolve) => watcher.once('open', resolve));
  });

  afterAll(async () => {
    watcher?.close();
    await browser?.close();
    await serve?.stop();
  });

  const levelTime = (p: Page) => p.locator('[data-testid="tag-row"][data-tag-id="demo/Tank1.Level"] [data-testid="tag-time"]');
  const expectLive = async (p: Page) => {
    await p.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 60_000 });
    const shown = await levelTime(p).textContent();
    await expect.poll(() => levelTime(p).textContent(), { timeout: 30_000 }).not.toBe(shown);
  };

  it('leaves the main process, its connection and its subscriptions running, and the reopened app is live again', async () => {
    await expectLive(page);
    const before = demoConnection(await snapshot(serve));
    expect(before.state).toBe('connected');

    const crashed = page.waitForEvent('crash');
    const cdp = await page.context().newCDPSession(page);
    // The call never answers: the renderer it would answer from is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    const framesAtCrash = watcherFrames;
    await waitFor('frames to keep reaching the other client after the crash', () => watcherFrames > framesAtCrash + 10);
    expect(serve.child.exitCode).toBeNull();

    // Opened again, as the desktop shell reloads a crashed window.
    page = await browser.newPage();
    await page.goto(serve.url);
    await expectLive(page);

    // The same connection: not reconnected, not recreated (its state has not changed since before).
    const identity = ({ id, state, reconnects, since }: ConnectionStatus) => ({ id, state, reconnects, since });
    expect(identity(demoConnection(await snapshot(serve)))).toEqual(identity(before));
  });
});

function demoConnection(snapshotNow: Snapshot): ConnectionStatus {
  const connection = snapshotNow.connections.find((c) => c.id === 'demo');
  if (!connection) throw new Error(`no demo connection in ${JSON.stringify(snapshotNow.connections.map((c) => c.id))}`);
  return connection;
}

function snapshot(serve: ServeProcess): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${serve.origin.replace('http', 'ws')}/ws?token=${serve.token}`);
    ws.on('open', () => ws.send(JSON.stringify({ t: 'call', id: 1, method: 'snapshot' })));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = JSON.parse(data.toString()) as { t: string; id?: number; result?: Snapshot; message?: string };
      if (message.id !== 1) return;
      ws.close();
      if (message.t === 'result') resolve(message.result!);
      else reject(new Error(message.message));
    });
    ws.on('error', reject);
  });
}
