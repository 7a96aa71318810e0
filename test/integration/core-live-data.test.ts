import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityOf, StatusCode, statusText } from '../../shared/status-code.js';
import type { TagInfo } from '../../shared/contract.js';
import { callApi } from '../../main/api/call-api.js';
import type { ClientSession } from '../../main/api/client-session.js';
import { TidewatchCore } from '../../main/api/tidewatch-core.js';
import { demoProject } from '../../main/project/demo-project.js';
import { projectConnections } from '../../main/project/project-connections.js';
import { opcuaSourceFactory } from '../../main/opcua/opcua-connection.js';
import { startSimulator, type RunningSimulator } from '../../main/simulator/start-simulator.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { waitFor } from '../support/wait-for.js';
import { TEST_ADMIN, testSecurity } from '../support/test-security.js';

// The core against the demo plant running in its own process, as the app runs it.
describe('live data from the demo plant through the core', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-core-'));
  const logLines: string[] = [];
  let plant: RunningSimulator;
  let core: TidewatchCore;
  let client: ClientSession;
  let security: ReturnType<typeof testSecurity>;
  const collector = new FrameCollector();
  const tag = (name: string): TagInfo => {
    const found = core.snapshot().tags.find((t) => t.name === name);
    if (!found) throw new Error(`no tag ${name}`);
    return found;
  };
  const connectionState = () => core.snapshot().connections[0]?.state;

  beforeAll(async () => {
    plant = await startSimulator({ entry: builtFile('simulator.js'), port: 0, pkiDir: path.join(dir, 'plant-pki') });
    const log = (level: string, message: string) => void logLines.push(`${level} ${message}`);
    security = testSecurity(path.join(dir, 'user-data'), log);
    core = new TidewatchCore(log, security);
    client = core.openClient(collector, 'test');
    await callApi(client.api(), 'setupAdministrator', TEST_ADMIN); // writes need a user allowed to write
    collector.ack = (seq) => client.ack(seq);
    const [demo] = projectConnections(demoProject(), () => plant.endpointUrl);
    core.addConnection(demo!, opcuaSourceFactory(path.join(dir, 'pki')));
    await waitFor('the demo plant connection', () => connectionState() === 'connected');
  });

  afterAll(async () => {
    await core?.dispose();
    security?.dispose();
    await plant?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams every tag with Good quality, and reads each one’s type, unit and range from the server', async () => {
    const tags = core.snapshot().tags;
    expect(tags.length).toBeGreaterThanOrEqual(40);
    await waitFor('a Good sample of every tag', () => tags.every((t) => collector.latest(t.index)?.status === StatusCode.Good));
    await waitFor('metadata of every tag', () => core.snapshot().tags.every((t) => t.dataType !== ''));
    const level = tag('Tank1.Level');
    expect(level.dataType).toBe('Double');
    expect(level.unit).not.toBe('');
    expect(level.euRange).not.toBeNull();
    expect(level.writable).toBe(false);
    expect(tag('TIC101.SP').writable).toBe(true);
  });

  it('stamps samples with the plant’s source time, and keeps every sample of the 100 Hz vibration', async () => {
    const vibration = tag('Pump1.Vibration').index;
    const mark = collector.samples.length;
    await waitFor('a second of vibration samples', () => collector.since(mark, vibration).length >= 100);
    const times = collector.since(mark, vibration).map((s) => s.time);
    const steps = times.slice(1).map((t, i) => t - times[i]!);
    expect(steps.every((step) => step > 0)).toBe(true); // strictly increasing: no duplicate, no reordering
    const sorted = [...steps].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeCloseTo(10, 0); // the signal's own 10 ms period
    const now = Date.now();
    expect(Math.abs(now - times.at(-1)!)).toBeLessThan(60_000); // a wall-clock time, not a counter
  });

  it('writes a setpoint: the server says Good, the new value streams back, and the process follows', async () => {
    const sp = tag('TIC101.SP');
    const pv = tag('TIC101.PV');
    const before = collector.latest(pv.index)!.value;
    const target = Math.round(before) + 15;
    const result = await callApi(client.api(), 'writeTag', { tagId: sp.id, value: target });
    expect(result).toMatchObject({ status: StatusCode.Good, statusText: 'Good', readBack: { matches: true, value: target } });
    await waitFor('the written setpoint to stream back', () => collector.latest(sp.index)?.value === target);
    await waitFor('the temperature to move toward the new setpoint', () => collector.latest(pv.index)!.value > before + 2);
  });

  it('refuses bad writes with the reason, and changes nothing', async () => {
    const sp = tag('TIC101.SP');
    const current = collector.latest(sp.index)!.value;
    const range = sp.euRange!;
    const mark = collector.samples.length;
    const refusal = (value: unknown) => callApi(client.api(), 'writeTag', { tagId: sp.id, value }).then(() => 'written', (error: Error) => error.message);
    // Main refuses what the node cannot take before the server is asked; the server's own refusals are in auth-writes.
    expect(await refusal(range.high + 1000)).toBe(`writeTag: demo/TIC101.SP: ${range.high + 1000} degC is above the instrument range (EURange) high ${range.high} degC`);
    expect(await refusal(true)).toBe('writeTag: demo/TIC101.SP: takes a number (Double), not true');
    await expect(callApi(client.api(), 'writeTag', { tagId: 'demo/NoSuchTag', value: 1 })).rejects.toThrow('writeTag: tagId: unknown tag "demo/NoSuchTag"');
    await expect(callApi(client.api(), 'writeTag', { tagId: sp.id, value: '12' })).rejects.toThrow(/^writeTag: value: /);
    await expect(callApi(client.api(), 'dropTables', {})).rejects.toThrow('unknown method "dropTables"');
    await new Promise((resolve) => setTimeout(resolve, 500)); // a few publishing intervals for any stray value to arrive
    expect(collector.since(mark, sp.index).map((s) => s.value)).not.toContain(range.high + 1000); // never shown, not even briefly
    expect(collector.latest(sp.index)!.value).toBe(current);
  });

  it('marks every tag Bad (no communication) when the plant dies, and recovers them all when it returns', async () => {
    const port = Number(new URL(plant.endpointUrl.replace('opc.tcp', 'http')).port);
    await plant.stop();
    const tags = core.snapshot().tags;
    await waitFor('every tag to turn Bad', () => tags.every((t) => qualityOf(collector.latest(t.index)?.status ?? 0) === 'bad'));
    expect(statusText(collector.latest(tags[0]!.index)!.status)).toBe('BadNoCommunication');
    expect(connectionState()).toBe('reconnecting');
    expect(core.snapshot().connections[0]?.reconnects).toBe(1);
    plant = await startSimulator({ entry: builtFile('simulator.js'), port, pkiDir: path.join(dir, 'plant-pki') });
    const mark = collector.samples.length;
    await waitFor('every tag to be Good again', () => tags.every((t) => collector.since(mark, t.index).some((s) => s.status === StatusCode.Good)), 60_000);
    expect(connectionState()).toBe('connected');
  });
});
