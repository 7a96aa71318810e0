import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

// A server changes a node's DataType while the session stays up (a PLC download): the tag's
// metadata follows from the values alone, without a reconnect, so the trend can say so.
describe('a tag whose data type changes while connected', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-retyped-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: 1, retypeAfterMs: 4000 });
    harness = await OpcuaHarness.open();
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the new data type again when the values change type, on the same session', async () => {
    const { listener, tags } = harness.connect({ id: 'plc', name: 'PLC', endpointUrl: server.endpointUrl }, [{ name: 'Retyped', description: '', nodeId: 'ns=1;s=Test.Retyped', samplingInterval: 100 }]);
    const index = tags[0]!.index;
    await waitFor('the first metadata', () => listener.metadataByTag.get(index)?.dataType === 'Double');
    await waitFor('the metadata after the change', () => listener.metadataByTag.get(index)?.dataType === 'Int32', 20_000);
    expect(listener.statuses.filter((s) => s.state === 'connected')).toHaveLength(1);
    expect(listener.state).toMatchObject({ state: 'connected', reconnects: 0 });
  });
});
