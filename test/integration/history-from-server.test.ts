import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySeries, ReadHistoryRequest } from '../../shared/api/history-api.js';
import { callApi } from '../../main/api/call-api.js';
import type { ClientSession } from '../../main/api/client-session.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { VALUES_PER_PAGE } from '../../main/opcua/history-read-raw.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

const PAST_VALUES = 2500;
const UPDATE_MS = 100;

const increasing = (values: readonly number[]) => values.slice(1).every((v, i) => v > values[i]!);

// The app as the shells run it, on a project whose server keeps history: Test.History holds values
// 0, 1, 2, ... from minutes before the app started; Test.NoHistory claims HistoryRead and refuses it;
// Test.V0 keeps no history on the server at all.
describe('history behind the live edge from the server’s own history', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-server-history-'));
  const log: string[] = [];
  const before = Date.now();
  let server: RunningTestServer;
  let app: App;
  let client: ClientSession;
  const tagIds = ['plc/History', 'plc/NoHistory', 'plc/V0'];
  const readHistory = async (request: Omit<ReadHistoryRequest, 'tagIds'>) => {
    const series = (await callApi(client.api(), 'readHistory', { tagIds, ...request })) as HistorySeries[];
    return Object.fromEntries(series.map((s) => [s.tagId.slice('plc/'.length), s]));
  };

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: 1, historyValues: PAST_VALUES, updateMs: UPDATE_MS });
    const file = path.join(dir, 'plant.tidewatch');
    const tag = (name: string, nodeId: string) => ({ name, server: 'plc', nodeId });
    const project = {
      version: 1,
      name: 'Server history',
      servers: [{ id: 'plc', name: 'PLC', endpointUrl: server.endpointUrl }],
      tags: [tag('History', 'ns=1;s=Test.History'), tag('NoHistory', 'ns=1;s=Test.NoHistory'), tag('V0', 'ns=1;s=Test.V0')],
    };
    writeFileSync(file, JSON.stringify(project));
    app = createApp({ userDataDir: path.join(dir, 'user-data'), simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: file, log: (level, message) => log.push(`${level} ${message}`) });
    const collector = new FrameCollector();
    client = app.core.openClient(collector, 'test');
    collector.ack = (seq) => client.ack(seq);
    await app.start();
    await waitFor('the metadata of every tag', () => app.core.tagList().length === 3 && app.core.tagList().every((t) => t.dataType !== ''));
    // The local historian has recorded every tag since the app connected.
    const recorded = async () => Object.values(await readHistory({ from: before, to: Date.now() + 1000, buckets: 0 })).every((s) => s.time.some((t) => t >= before));
    for (let tries = 0; !(await recorded()); tries++) {
      if (tries > 200) throw new Error('the local historian recorded nothing');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await app?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the server’s samples from before the app connected ahead of the local ones, in order, across pages', async () => {
    const { History: history } = await readHistory({ from: before - 3_600_000, to: Date.now() + 1000, buckets: 0 });
    const fromServer = history!.fromServer!;
    expect(fromServer.from).toBe(before - 3_600_000);
    // Every value from before the server started, over more than two pages; on a busy machine the app
    // may subscribe before the server's first live value, so those past ones may be all there is.
    expect(fromServer.values).toBeGreaterThanOrEqual(PAST_VALUES);
    expect(PAST_VALUES).toBeGreaterThan(VALUES_PER_PAGE * 2);
    expect(history!.error).toBeUndefined();
    expect(history!.truncated).toBe(false);
    const serverPart = history!.value.slice(0, fromServer.values);
    // The server's values 0, 1, 2, ...: every one, once, in order, then the local samples carry on from there.
    expect(serverPart).toEqual(Array.from({ length: fromServer.values }, (_, i) => i));
    expect(history!.time[0]).toBeLessThan(before - 120_000);
    expect(history!.time.slice(0, fromServer.values).every((t) => t < fromServer.to)).toBe(true);
    expect(history!.time[fromServer.values]).toBe(fromServer.to);
    expect(history!.value.length).toBeGreaterThan(fromServer.values);
    expect(increasing(history!.time)).toBe(true);
    expect(increasing(history!.value)).toBe(true);
  });

  it('answers the pen without server history from local data, and the refused pen with its local data and why', async () => {
    const { NoHistory: refused, V0: plain, History: history } = await readHistory({ from: before - 3_600_000, to: Date.now() + 1000, buckets: 0 });
    expect(plain!.time.length).toBeGreaterThan(0);
    expect(plain!.time[0]).toBeGreaterThanOrEqual(before - 60_000); // only what this station recorded
    expect(plain!.fromServer).toBeUndefined();
    expect(plain!.error).toBeUndefined();
    expect(refused!.time.length).toBeGreaterThan(0);
    expect(refused!.fromServer).toBeUndefined();
    expect(refused!.error).toBe('PLC: ns=1;s=Test.NoHistory: HistoryRead refused: BadHistoryOperationUnsupported');
    expect(history!.fromServer).toBeDefined();
  });

  it('buckets the server’s samples on the trend’s columns like the local ones', async () => {
    const from = before - 400_000;
    const to = Date.now() + 1000;
    const { History: history } = await readHistory({ from, to, buckets: 100 });
    const fromServer = history!.fromServer!;
    expect(fromServer.values).toBeGreaterThanOrEqual(PAST_VALUES);
    // A rising ramp: each column of the server's stretch is drawn by its first and last sample.
    const serverPoints = history!.time.filter((t) => t < fromServer.to).length;
    expect(serverPoints).toBeLessThan(fromServer.values / 10);
    expect(history!.value[0]).toBe(0);
    expect(increasing(history!.time)).toBe(true);
    expect(increasing(history!.value)).toBe(true);
    expect(history!.time.at(-1)).toBeGreaterThanOrEqual(fromServer.to);
  });
});
