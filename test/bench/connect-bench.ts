// The connection benchmark: 10,000 monitored items on one server, created from nothing and
// recovered after the server is killed and restarted, through Tidewatch and, as the baseline,
// through a bare node-opcua client doing the least it can (one subscription, batches of 1000).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AttributeIds, ClientMonitoredItemGroup, OPCUACertificateManager, OPCUAClient, TimestampsToReturn, type ClientSubscription } from 'node-opcua';
import { StatusCode } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';
import type { Record } from './bench-types.js';

const ITEMS = 10_000;
const BATCH = 1000;
const LIMIT_MS = 180_000;

export async function runConnectBench(record: Record): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-connect-bench-'));
  const config = { pkiDir: path.join(dir, 'server'), counters: ITEMS, updateMs: 1000 };
  let server = await startTestServer(config);
  const restart = async () => {
    await server.kill();
    server = await startTestServer({ ...config, port: server.port });
    return performance.now();
  };
  try {
    const bare = await bareClient(() => server, restart, path.join(dir, 'bare-pki'));
    const tidewatch = await tidewatchClient(() => server, restart);
    record('opcua.bare_create_10k_items_ms', bare.createMs, `baseline: bare node-opcua, connect to ${ITEMS} first values (one subscription, groups of ${BATCH})`);
    record('opcua.create_10k_items_ms', tidewatch.createMs, 'Tidewatch: discovery, session, items in the server’s batches to all Good (units and ranges read alongside)');
    record('opcua.create_ratio_vs_bare', tidewatch.createMs / bare.createMs, '');
    record('opcua.bare_recover_ms', bare.recoverMs, 'baseline: server killed and restarted, from its return to a new value of every item');
    record('opcua.recover_all_good_ms', tidewatch.recoverMs, 'Tidewatch: the same, to every tag Good again');
    record('opcua.recover_ratio_vs_bare', tidewatch.recoverMs / bare.recoverMs, '');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timings {
  readonly createMs: number;
  readonly recoverMs: number;
}

async function tidewatchClient(server: () => RunningTestServer, restart: () => Promise<number>): Promise<Timings> {
  const harness = await OpcuaHarness.open('tidewatch-connect-bench-app-');
  try {
    const start = performance.now();
    const { listener, tags } = harness.connect({ id: 'bench', name: 'Bench', endpointUrl: server().endpointUrl, publishingInterval: 250 }, counterTags(ITEMS));
    await waitFor('all tags Good', () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good), LIMIT_MS);
    const createMs = performance.now() - start;
    const back = await restart();
    await waitFor('all tags Bad', () => tags.every((t) => listener.latest.get(t.index)?.status !== StatusCode.Good) || listener.state?.reconnects === 1, LIMIT_MS);
    const marks = tags.map((t) => listener.counts.get(t.index) ?? 0);
    await waitFor('all tags Good again', () => tags.every((t, i) => listener.latest.get(t.index)?.status === StatusCode.Good && (listener.counts.get(t.index) ?? 0) > marks[i]!), LIMIT_MS);
    return { createMs, recoverMs: performance.now() - back };
  } finally {
    await harness.dispose();
  }
}

/** What a plain node-opcua script does: one subscription, items in groups of 1000, counting first values. */
async function bareClient(server: () => RunningTestServer, restart: () => Promise<number>, pkiDir: string): Promise<Timings> {
  const manager = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
  const create = () => OPCUAClient.create({ endpointMustExist: false, keepSessionAlive: true, clientCertificateManager: manager, connectionStrategy: { initialDelay: 250, maxDelay: 5000, maxRetry: -1 } });
  // A first client creates the certificate, as opening the PKI does for Tidewatch: not timed.
  const warmUp = create();
  await warmUp.connect(server().endpointUrl);
  await warmUp.disconnect();
  const client = create();
  const counts = new Uint32Array(ITEMS);
  try {
    const start = performance.now();
    await client.connect(server().endpointUrl);
    const session = await client.createSession();
    const subscription: ClientSubscription = await session.createSubscription2({ requestedPublishingInterval: 250, requestedMaxKeepAliveCount: 4, requestedLifetimeCount: 240, publishingEnabled: true });
    for (let first = 0; first < ITEMS; first += BATCH) {
      const group = ClientMonitoredItemGroup.create(
        subscription,
        Array.from({ length: Math.min(BATCH, ITEMS - first) }, (_, i) => ({ nodeId: `ns=1;s=Test.V${first + i}`, attributeId: AttributeIds.Value })),
        { samplingInterval: 100, queueSize: 2, discardOldest: true },
        TimestampsToReturn.Both,
      );
      group.on('changed', (_item, _value, i) => counts[first + i]!++);
      await new Promise((resolve) => group.once('initialized', resolve));
    }
    await waitFor('every first value', () => counts.every((c) => c > 0), LIMIT_MS);
    const createMs = performance.now() - start;
    const back = await restart();
    const marks = Uint32Array.from(counts);
    await waitFor('a new value of every item', () => counts.every((c, i) => c > marks[i]!), LIMIT_MS);
    const recoverMs = performance.now() - back;
    await session.close();
    return { createMs, recoverMs };
  } finally {
    await client.disconnect();
    await manager.dispose();
  }
}
