import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityOf, StatusCode, statusText } from '../../shared/status-code.js';
import type { TagInfo } from '../../shared/contract.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import type { RecordingListener } from '../support/recording-listener.js';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

// Faults a plant network has: a server killed and restarted, a link that drops, a link that
// goes silent, a server that hangs with its socket open. Each must turn every tag Bad (no
// communication) and end with every tag live again, without anyone touching the app.
describe('reconnection after server and network faults', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-reconnect-'));
  let server: RunningTestServer;
  let relay: TcpRelay;
  let harness: OpcuaHarness;
  const config = () => ({ pkiDir: path.join(dir, 'server'), counters: 20, updateMs: 100 });
  const staticTag = { name: 'Flow', description: '', nodeId: 'ns=1;s=Test.FlowSensor', samplingInterval: 100 };

  const allBad = (listener: RecordingListener, tags: readonly TagInfo[]) => tags.every((t) => statusText(listener.latest.get(t.index)?.status ?? 0) === 'BadNoCommunication');
  const allLive = async (listener: RecordingListener, tags: readonly TagInfo[], what: string) => {
    const marks = new Map(tags.map((t) => [t.index, listener.counts.get(t.index) ?? 0]));
    await waitFor(`every tag live again (${what})`, () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good && (t.nodeId.endsWith('FlowSensor') || (listener.counts.get(t.index) ?? 0) > marks.get(t.index)! )), 60_000);
    expect(listener.state?.state).toBe('connected');
  };

  beforeAll(async () => {
    server = await startTestServer(config());
    relay = await startTcpRelay(server.port);
    harness = await OpcuaHarness.open();
  });

  afterAll(async () => {
    await harness?.dispose();
    await relay?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recovers every tag after the server is killed and restarted mid-stream', async () => {
    const { listener, tags } = harness.connect({ id: 'direct', name: 'Direct', endpointUrl: server.endpointUrl }, [...counterTags(20), staticTag]);
    await waitFor('Good values', () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good));
    await server.kill();
    await waitFor('every tag Bad (no communication)', () => allBad(listener, tags));
    expect(listener.state).toMatchObject({ state: 'reconnecting', reconnects: 1 });
    server = await startTestServer({ ...config(), port: server.port });
    await allLive(listener, tags, 'after the restart');
    expect(listener.logs.join('\n')).toContain('Direct: connection re-established');
  });

  it('recovers every tag after the TCP link drops and comes back', async () => {
    const { listener, tags } = harness.connect({ id: 'relayed', name: 'Relayed', endpointUrl: `opc.tcp://127.0.0.1:${relay.port}` }, [...counterTags(20), staticTag]);
    await waitFor('Good values through the relay', () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good));
    // The period the status bar states: the server was asked for a keep-alive every half of it.
    expect(listener.state?.keepAliveMs).toBe(1000);
    relay.cut();
    await waitFor('every tag Bad (no communication)', () => allBad(listener, tags));
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a few failed reconnection attempts
    relay.restore();
    await allLive(listener, tags, 'after the link is back');
    expect(listener.state?.reconnects).toBe(1);
  });

  it('notices a link that goes silent without closing, and recovers when it speaks again', async () => {
    const listener = harness.listener('relayed');
    const tags = harness.tagList().filter((t) => t.connectionId === 'relayed');
    relay.blackhole();
    await waitFor('every tag Bad once the keep-alive is missed', () => allBad(listener, tags));
    expect(listener.state?.lastError).toMatch(/^no answer from the server for \d+\.\d s \(keep-alive missed\)$/);
    relay.restore();
    await allLive(listener, tags, 'after the silence');
    expect(listener.state?.reconnects).toBe(2);
  });

  it('notices a hung server whose socket stays open, and recovers when it runs again', async () => {
    const listener = harness.listener('direct');
    const tags = harness.tagList().filter((t) => t.connectionId === 'direct');
    server.freeze();
    await waitFor('every tag Bad once the keep-alive is missed', () => allBad(listener, tags));
    expect(listener.state?.lastError).toContain('keep-alive missed');
    expect(qualityOf(listener.latest.get(tags[0]!.index)!.status)).toBe('bad');
    server.thaw();
    await allLive(listener, tags, 'after the hang');
  });

  // A shutdown, or a server removed from the project, while the server is away: node-opcua parks
  // the goodbye requests until the server is back, which may be never.
  it('stops a connection that is reconnecting to a server that is gone, without waiting for it', async () => {
    await harness.removeConnection('relayed'); // the relay's only client from here on is the one under test
    const { listener, tags } = harness.connect({ id: 'leaving', name: 'Leaving', endpointUrl: `opc.tcp://127.0.0.1:${relay.port}` }, counterTags(5));
    await waitFor('Good values through the relay', () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good));
    relay.cut();
    await waitFor('reconnecting', () => listener.state?.state === 'reconnecting');
    await harness.removeConnection('leaving');
    expect(listener.state?.state).toBe('stopped');
    // Stopped means stopped: no client left behind dialing the server, nothing revived when it returns.
    const dialed = relay.attempts();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // several reconnection backoffs
    expect(relay.attempts()).toBe(dialed);
    relay.restore();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(listener.state?.state).toBe('stopped');
    expect(listener.logs.join('\n')).not.toContain('Leaving: connection re-established');
  });
});
