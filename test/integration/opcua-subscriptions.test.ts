import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode, statusText } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

const TEN_THOUSAND = 10_000;

// A server that takes only 100 monitored items per call and 250 nodes per read: 10,000 tags
// must still all come live, grouped into subscriptions by publishing interval, and a tag the
// server refuses must show why without holding up the others.
describe('subscriptions within the server’s limits', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-subs-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;
  const latest = (id: string, index: number) => harness.listener(id).latest.get(index);

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: TEN_THOUSAND, updateMs: 500, maxMonitoredItemsPerCall: 100, maxNodesPerRead: 250 });
    harness = await OpcuaHarness.open();
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings 10,000 monitored items on one server live, 100 per call', async () => {
    const { tags } = harness.connect({ id: 'big', name: 'Big', endpointUrl: server.endpointUrl, publishingInterval: 250 }, counterTags(TEN_THOUSAND));
    await waitFor('all 10,000 tags Good', () => tags.every((t) => latest('big', t.index)?.status === StatusCode.Good), 120_000);
    await waitFor('every tag to move on', () => tags.every((t) => (harness.listener('big').counts.get(t.index) ?? 0) >= 2), 60_000);
    expect(harness.listener('big').logs.filter((l) => l.startsWith('warning'))).toEqual([]);
    await harness.removeConnection('big');
  });

  it('shows each refused tag’s own error and keeps the rest live', async () => {
    const { tags } = harness.connect({ id: 'mixed', name: 'Mixed', endpointUrl: server.endpointUrl }, [
      ...counterTags(2),
      { name: 'Missing', description: '', nodeId: 'ns=1;s=Test.NoSuchNode', samplingInterval: 100 },
      { name: 'Pump', description: '', nodeId: 'ns=1;s=Test.Pump', samplingInterval: 100 },
      { name: 'Label', description: '', nodeId: 'ns=1;s=Test.Label', samplingInterval: 100, deadband: { type: 'absolute', value: 1 } },
      { name: 'Flow', description: '', nodeId: 'ns=1;s=Test.FlowSensor', samplingInterval: 100, deadband: { type: 'percent', value: 5 } },
    ]);
    const [v0, v1, missing, pump, label, flow] = tags.map((t) => t.index);
    await waitFor('the good tags live and the bad ones reported', () =>
      [v0!, v1!].every((i) => latest('mixed', i)?.status === StatusCode.Good) && [missing!, pump!, label!, flow!].every((i) => latest('mixed', i) !== undefined),
    );
    expect(statusText(latest('mixed', missing!)!.status)).toBe('BadNodeIdUnknown');
    expect(latest('mixed', pump!)!.status >>> 0).toBe(0x805f0000); // BadNodeClassInvalid
    expect(latest('mixed', label!)!.status >>> 30).toBeGreaterThanOrEqual(2); // Bad: a deadband on a String
    expect(latest('mixed', flow!)!.status >>> 30).toBeGreaterThanOrEqual(2); // Bad: a percent deadband needs an EURange
    const logs = harness.listener('mixed').logs.join('\n');
    expect(logs).toContain('Mixed: ns=1;s=Test.NoSuchNode cannot be a tag: BadNodeIdUnknown');
    expect(logs).toContain('Mixed: ns=1;s=Test.Pump cannot be a tag: it is an Object, not a Variable');
    expect(logs).toMatch(/Mixed: ns=1;s=Test\.Label cannot monitor: \S+/);
    expect(harness.listener('mixed').state?.state).toBe('connected');
  });

  it('reads a tag’s data type, marking one with dimensions as an array', async () => {
    const { listener, tags } = harness.connect({ id: 'types', name: 'Types', endpointUrl: server.endpointUrl }, [
      { name: 'Spectrum', description: '', nodeId: 'ns=1;s=Test.Spectrum', samplingInterval: 100 },
      { name: 'Reactor', description: '', nodeId: 'ns=1;s=Test.Temperature', samplingInterval: 100 },
      { name: 'Label', description: '', nodeId: 'ns=1;s=Test.Label', samplingInterval: 100 },
    ]);
    await waitFor('the metadata of all three', () => tags.every((t) => listener.metadataByTag.has(t.index)));
    expect(tags.map((t) => listener.metadataByTag.get(t.index)?.dataType)).toEqual(['Double[]', 'Double', 'String']);
    await harness.removeConnection('types');
  });

  it('applies deadbands: absolute, and percent of the EURange, report only moves larger than them', async () => {
    const { tags } = harness.connect(
      { id: 'deadband', name: 'Deadband', endpointUrl: server.endpointUrl },
      [
        { name: 'T abs', description: '', nodeId: 'ns=1;s=Test.Temperature', samplingInterval: 0, deadband: { type: 'absolute', value: 1 } },
        // EURange 0..200: 0.5 % is 1 degree.
        { name: 'T pct', description: '', nodeId: 'ns=1;s=Test.Temperature', samplingInterval: 0, deadband: { type: 'percent', value: 0.5 } },
      ],
      new Set([0, 1]),
    );
    const history = (i: number) => harness.listener('deadband').history.get(tags[i]!.index) ?? [];
    await waitFor('six reported temperatures on each', () => history(0).length >= 6 && history(1).length >= 6, 60_000);
    for (const i of [0, 1]) {
      const values = history(i).map((s) => s.value);
      const steps = values.slice(1).map((v, k) => Math.abs(v - values[k]!));
      expect(steps.every((step) => step > 1)).toBe(true); // the server steps it by 0.5 every 500 ms
    }
  });

  it('groups tags into one subscription per publishing interval', async () => {
    harness.connect({ id: 'rates', name: 'Rates', endpointUrl: server.endpointUrl, publishingInterval: 100 }, [
      ...counterTags(3, 0),
      ...counterTags(3, 3, { publishingInterval: 1000 }),
      ...counterTags(3, 6, { publishingInterval: 5000, samplingInterval: 1000 }),
    ]);
    await waitFor('the connection', () => harness.listener('rates').state?.state === 'connected');
    expect(harness.source('rates').activeSession().session.subscriptionCount).toBe(3);
  });

  it('adds tags at runtime, refusing a node that cannot be one with the reason', async () => {
    const api = harness.connections.api();
    const { tags } = await api.addTags({ connectionId: 'rates', tags: [{ nodeId: 'ns=1;s=Test.V42' }, { nodeId: 'ns=1;s=Test.Temperature', name: 'Reactor' }] });
    expect(tags.map((t) => t.name)).toEqual(['Test.V42', 'Reactor']);
    await waitFor('the added tags live', () => tags.every((t) => latest('rates', t.index)?.status === StatusCode.Good));
    const again = await api.addTags({ connectionId: 'rates', tags: [{ nodeId: 'ns=1;s=Test.V42' }] });
    expect(again.tags.map((t) => t.index)).toEqual([tags[0]!.index]);
    await expect(api.addTags({ connectionId: 'rates', tags: [{ nodeId: 'ns=1;s=Test.Pump' }, { nodeId: 'ns=1;s=Gone' }] })).rejects.toThrow(
      'addTags: Rates: ns=1;s=Test.Pump: it is an Object, not a Variable; ns=1;s=Gone: BadNodeIdUnknown',
    );
    await expect(api.addTags({ connectionId: 'nope', tags: [{ nodeId: 'ns=1;s=Test.V1' }] })).rejects.toThrow('addTags: connectionId: no OPC UA server "nope"');
  });
});
