import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/api/audit-api.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp } from '../../main/app/create-app.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { TEST_ADMIN } from '../support/test-security.js';

// The desktop's Engineer unlock asks the app; the app asks who is logged in at that desktop.
describe('leaving kiosk mode', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-kiosk-'));
  // No plant is needed to decide who may leave the kiosk.
  const app = createApp({ userDataDir: dir, simulatorEntry: path.join(dir, 'no-plant-in-this-test.js'), historianWorkerEntry: builtFile('historian-worker.js'), log: () => undefined });
  const DESK = 'desktop@control-room-1';

  afterAll(async () => {
    await app.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs an engineer or administrator logged in, unlocked, in that desktop’s own window, and audits every try', async () => {
    await app.start();
    const desk = app.core.openClient(new FrameCollector(), DESK);
    const browser = app.core.openClient(new FrameCollector(), 'browser@127.0.0.1');
    const call = (client: typeof desk, method: string, params?: unknown) => callApi(client.api(), method as never, params);
    await call(browser, 'setupAdministrator', TEST_ADMIN);
    await call(browser, 'saveUser', { name: 'olga', displayName: '', role: 'operator', areas: ['*'], disabled: false, password: 'olga-pass-1' });
    await call(browser, 'saveUser', { name: 'erik', displayName: '', role: 'engineer', areas: ['*'], disabled: false, password: 'erik-pass-1' });

    // An administrator in a browser elsewhere is not standing at the kiosk.
    expect(app.kioskUnlock(DESK)).toMatchObject({ ok: false, reason: expect.stringMatching(/^nobody is logged in at this station/) });
    await call(desk, 'login', { name: 'olga', password: 'olga-pass-1' });
    expect(app.kioskUnlock(DESK)).toEqual({ ok: false, reason: 'operator "olga" may not leave kiosk mode: switch user to an engineer or administrator, then choose Engineer unlock again' });
    await call(desk, 'login', { name: 'erik', password: 'erik-pass-1' });
    expect(app.kioskUnlock(DESK)).toEqual({ ok: true, user: 'erik' });
    await call(desk, 'lock');
    expect(app.kioskUnlock(DESK)).toMatchObject({ ok: false });

    const { records } = (await call(browser, 'queryAudit', { text: 'kiosk', limit: 20 })) as AuditPage;
    expect(records.map((r) => `${r.action} ${r.user || '-'} ${r.station} ${r.result.slice(0, 20)}`).reverse()).toEqual([
      `unlock - ${DESK} refused: nobody is l`,
      `unlock olga ${DESK} refused: operator "o`,
      `unlock erik ${DESK} ok`,
      `unlock - ${DESK} refused: nobody is l`,
    ]);
    desk.dispose();
    browser.dispose();
  });
});
