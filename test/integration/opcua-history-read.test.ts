import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HistoryReadRequest, ReadRawModifiedDetails, resolveNodeId, type ClientSession } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyReadRaw, VALUES_PER_PAGE, type RawHistoryPage, type RawHistoryRange } from '../../main/opcua/history-read-raw.js';
import type { OpcuaConnection } from '../../main/opcua/opcua-connection.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

const PAST_VALUES = 2500;
const UPDATE_MS = 100;

/** Every page of one read, joined, and how many pages there were. */
async function collect(read: (onPage: (page: RawHistoryPage) => void) => Promise<unknown> | null) {
  const time: number[] = [];
  const value: number[] = [];
  let pages = 0;
  const result = await read((page) => {
    pages++;
    time.push(...page.time);
    value.push(...page.value);
  });
  return { result, time, value, pages };
}

// HistoryRead against a node-opcua server that historizes Test.History (2500 values from before it started).
describe('reading a tag’s raw history from its OPC UA server', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-historyread-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;
  let source: OpcuaConnection;
  let indexes: { history: number; refused: number; plain: number };
  const before = Date.now();

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: 1, historyValues: PAST_VALUES, updateMs: UPDATE_MS });
    harness = await OpcuaHarness.open();
    const tag = (name: string) => ({ name, description: '', nodeId: `ns=1;s=Test.${name}`, samplingInterval: 100 });
    const { listener, tags } = harness.connect({ id: 'plc', name: 'PLC', endpointUrl: server.endpointUrl }, [tag('History'), tag('NoHistory'), ...counterTags(1)]);
    indexes = { history: tags[0]!.index, refused: tags[1]!.index, plain: tags[2]!.index };
    source = harness.source('plc');
    await waitFor('the metadata of every tag', () => tags.every((t) => listener.metadataByTag.has(t.index)));
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const everything = (): RawHistoryRange => ({ from: before - 3_600_000, to: Date.now() + 60_000, maxValues: 100_000 });

  it('reads every value in order, page after page, only for tags whose server keeps history', async () => {
    const { result, time, value, pages } = await collect((onPage) => source.readRawHistory(indexes.history, everything(), onPage));
    expect(result).toMatchObject({ ok: true, truncated: false });
    expect(time.length).toBeGreaterThan(PAST_VALUES);
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBe(Math.ceil(time.length / VALUES_PER_PAGE));
    // Values 0, 1, 2, ... at rising source times: nothing lost, nothing repeated, nothing out of order.
    expect(value).toEqual(Array.from({ length: value.length }, (_, i) => i));
    expect(time.slice(1).every((t, i) => t > time[i]!)).toBe(true);
    expect(time[0]).toBeLessThan(before - 120_000); // from minutes before this test began
    // A counter's AccessLevel has no HistoryRead: its server is not asked.
    expect(source.readRawHistory(indexes.plain, everything(), () => undefined)).toBeNull();
  });

  it('reads [from, to) only', async () => {
    const all = await collect((onPage) => source.readRawHistory(indexes.history, everything(), onPage));
    const from = all.time[100]!;
    const to = all.time[1600]!;
    const part = await collect((onPage) => source.readRawHistory(indexes.history, { from, to, maxValues: 100_000 }, onPage));
    expect(part.time).toEqual(all.time.slice(100, 1600));
  });

  it('stops at the bound, says so, and releases the server’s continuation point', async () => {
    const { session } = source.activeSession();
    const requests: HistoryReadRequest[] = [];
    const watched = new Proxy(session, {
      get(target, key) {
        if (key === 'historyRead') {
          return (request: HistoryReadRequest) => {
            requests.push(request);
            return target.historyRead(request);
          };
        }
        const member = Reflect.get(target, key) as unknown;
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
      },
    }) as ClientSession;
    const { result, value } = await collect((onPage) => historyReadRaw(watched, 'ns=1;s=Test.History', { ...everything(), maxValues: 1500 }, onPage));
    expect(result).toEqual({ ok: true, values: 1500, pages: 2, truncated: true });
    expect(value).toEqual(Array.from({ length: 1500 }, (_, i) => i));
    const release = requests.at(-1)!;
    expect(release.releaseContinuationPoints).toBe(true);
    const point = release.nodesToRead![0]!.continuationPoint;
    expect(point?.length).toBeGreaterThan(0);
    // The server no longer holds it: asking for the next page with it is refused.
    const [again] = (
      await session.historyRead(
        new HistoryReadRequest({
          historyReadDetails: new ReadRawModifiedDetails({ startTime: new Date(everything().from), endTime: new Date(Date.now()), numValuesPerNode: 10 }),
          nodesToRead: [{ nodeId: resolveNodeId('ns=1;s=Test.History'), continuationPoint: point }],
        }),
      )
    ).results!;
    expect(again!.statusCode.name).toBe('BadContinuationPointInvalid');
  });

  it('answers a server’s refusal with its status, per node, without throwing', async () => {
    const refused = await source.readRawHistory(indexes.refused, everything(), () => undefined);
    expect(refused).toEqual({ ok: false, reason: 'PLC: ns=1;s=Test.NoHistory: HistoryRead refused: BadHistoryOperationUnsupported' });
    const { session } = source.activeSession();
    expect(await historyReadRaw(session, 'ns=1;s=Test.NoSuchNode', everything(), () => undefined)).toEqual({ ok: false, reason: 'HistoryRead refused: BadNodeIdUnknown' });
    // The session is fine afterwards.
    expect((await collect((onPage) => source.readRawHistory(indexes.history, everything(), onPage))).time.length).toBeGreaterThan(PAST_VALUES);
  });
});
