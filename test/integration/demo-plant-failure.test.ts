import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp } from '../../main/app/create-app.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { TEST_ADMIN } from '../support/test-security.js';

describe('a demo plant that fails to start', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-app-'));
  const log: string[] = [];
  const app = createApp({ userDataDir: dir, simulatorEntry: path.join(dir, 'no-such-simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), log: (level, message) => log.push(`${level} ${message}`) });

  afterAll(async () => {
    await app.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reported as a failed connection with the reason, in the status and the log, and the app stays usable', async () => {
    await app.start();
    const collector = new FrameCollector();
    const client = app.core.openClient(collector, 'test');
    const snapshot = (await callApi(client.api(), 'snapshot', undefined)) as Snapshot;
    expect(snapshot.connections).toEqual([
      expect.objectContaining({ id: 'demo', name: 'Demo plant', state: 'failed', lastError: expect.stringMatching(/^demo plant failed to start: demo plant exited with code 1/) }),
    ]);
    expect(log.some((line) => line.startsWith('error demo plant failed to start'))).toBe(true);
    // Usable: an administrator can be set up, and a write names why it cannot happen.
    await callApi(client.api(), 'setupAdministrator', TEST_ADMIN);
    await expect(callApi(client.api(), 'writeTag', { tagId: 'demo/Tank1.Level', value: 1 })).rejects.toThrow('unknown tag');
    client.dispose();
  });
});
