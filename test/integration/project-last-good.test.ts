import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/api/audit-api.js';
import type { Snapshot } from '../../shared/contract.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { TEST_ADMIN } from '../support/test-security.js';
import { waitFor } from '../support/wait-for.js';

// A station restarts at 3 a.m. on a project file someone broke the evening before.
describe('a project file that fails at start, after a good run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-last-good-app-'));
  const file = path.join(dir, 'line1.tidewatch');
  const good = { version: 1, name: 'Line 1', servers: [], alarmPositions: [{ name: 'Console 1', areas: ['Tanks'] }] };
  const apps: App[] = [];
  const start = async () => {
    const app = createApp({ userDataDir: dir, projectFile: file, simulatorEntry: path.join(dir, 'no-plant.js'), historianWorkerEntry: builtFile('historian-worker.js'), log: () => undefined });
    apps.push(app);
    await app.start();
    return { app, client: app.core.openClient(new FrameCollector(), 'desktop@cr1') };
  };
  const call = (client: { api(): unknown }, method: string, params?: unknown) => callApi(client.api() as never, method as never, params);

  afterAll(async () => {
    for (const app of apps) await app.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the copy kept from the good run, runs it on request without saving into the file, and loads the file once it is fixed', async () => {
    writeFileSync(file, JSON.stringify(good));
    const first = await start();
    await call(first.client, 'setupAdministrator', TEST_ADMIN);
    first.client.dispose();
    await first.app.dispose();

    writeFileSync(file, JSON.stringify({ ...good, servers: 'oops' }));
    const { client } = await start();
    const project = async () => ((await call(client, 'snapshot')) as Snapshot).project;
    expect(await project()).toMatchObject({ name: '', issues: [expect.stringMatching(/^servers: /)], lastGood: { running: false, savedAt: expect.any(Number) } });

    await call(client, 'runLastGoodProject');
    expect(await project()).toMatchObject({ name: 'Line 1', issues: [expect.stringMatching(/^servers: /)], lastGood: { running: true } });
    // The copy's users are back, so the station can be logged into; saving waits for the file.
    await call(client, 'login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password });
    await expect(call(client, 'saveUser', { name: 'olga', displayName: '', role: 'operator', areas: ['*'], disabled: false, password: 'olga-pass-1' })).rejects.toThrow(/the project file has errors and the copy from \S+ runs instead: fix the file first/);
    await expect(call(client, 'runLastGoodProject')).rejects.toThrow('runLastGoodProject: a project is running; there is nothing to fall back from');
    const audit = (await call(client, 'queryAudit', { text: 'good copy', limit: 5 })) as AuditPage;
    expect(audit.records[0]).toMatchObject({ action: 'project.change', station: 'desktop@cr1', result: 'ok', detail: expect.stringMatching(/^ran the good copy saved .+; the file still has errors$/) });

    writeFileSync(file, JSON.stringify({ ...good, name: 'Line 1 (fixed)' }));
    await waitFor('the fixed file to load', async () => (await project()).name === 'Line 1 (fixed)', 30_000);
    expect(await project()).toMatchObject({ issues: [], lastGood: null });
    client.dispose();
  });
});
