import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { AttributeIds, DataType, OPCUACertificateManager, OPCUAClient, type ClientSession } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView } from '../../shared/api/alarm-api.js';
import type { TagInfo } from '../../shared/contract.js';
import { MemoryAlarmJournal } from '../../main/alarms/alarm-journal.js';
import { AlarmService } from '../../main/alarms/alarm-service.js';
import { OpcuaAlarmEvents } from '../../main/opcua/alarm-events.js';
import { demoNodeId } from '../../main/simulator/plant-catalogue.js';
import { startSimulator, type RunningSimulator } from '../../main/simulator/start-simulator.js';
import { repoRoot } from '../support/built-files.js';
import { waitFor } from '../support/wait-for.js';

const TEMPERATURE_ALARM = 'demo:ns=1;s=Alarms.TIC101.PV';
const PUMP2_TRIP = 'demo:ns=1;s=Alarms.Pump2.Fault';

// The A&C client against the demo plant's real conditions, in its own process, as the app reaches it.
describe('OPC UA Alarms & Conditions from the demo plant', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-alarm-conditions-'));
  const entry = path.join(repoRoot, 'node_modules', '.cache', 'tidewatch-alarms', 'simulator.js');
  const journal = new MemoryAlarmJournal();
  const tags: TagInfo[] = [{ index: 0, id: 'demo/TIC101.PV', name: 'TIC101.PV', displayName: 'TIC101.PV', description: '', connectionId: 'demo', nodeId: 'ns=1;s=TIC101.PV', unit: 'degC', decimals: null, euRange: null, dataType: 'Double', writable: false }];
  let plant: RunningSimulator;
  let client: OPCUAClient;
  let session: ClientSession;
  let events: OpcuaAlarmEvents;
  let service: AlarmService;
  const logs: string[] = [];
  // The same session watched through areas as a project's eventNotifiers name them: the heater's
  // area and the Server object (every event arrives twice), two that cannot be watched, and the pumps alone.
  const throughAreas = { journal: new MemoryAlarmJournal(), logs: [] as string[], service: null as AlarmService | null, events: null as OpcuaAlarmEvents | null };
  const pumpsOnly = { journal: new MemoryAlarmJournal(), logs: [] as string[], service: null as AlarmService | null, events: null as OpcuaAlarmEvents | null };

  const alarm = async (id = TEMPERATURE_ALARM): Promise<AlarmView | undefined> => (await service.api().listAlarms()).alarms.find((a) => a.id === id);
  const journalKinds = async (id = TEMPERATURE_ALARM) =>
    (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1_000 })).entries.filter((e) => e.alarmId === id).map((e) => e.kind).reverse();
  const setpoint = (value: number) =>
    session.write({ nodeId: demoNodeId('TIC101.SP'), attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value } } });
  const until = async (what: string, probe: () => Promise<boolean>) => {
    let ok = false;
    const poll = async () => (ok = await probe());
    await waitFor(what, () => (void poll(), ok), 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; alarm log: ${logs.join(' | ') || 'empty'}`);
    });
  };

  beforeAll(async () => {
    await build({ entryPoints: [path.join(repoRoot, 'main', 'simulator', 'simulator-process.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: entry, logLevel: 'warning' });
    plant = await startSimulator({ entry, port: 0, pkiDir: path.join(dir, 'plant-pki') });
    client = OPCUAClient.create({
      clientCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(dir, 'client-pki') }),
      endpointMustExist: false,
      keepSessionAlive: true,
      connectionStrategy: { initialDelay: 250, maxDelay: 1_000, maxRetry: 1_000 },
    });
    await client.connect(plant.endpointUrl);
    session = await client.createSession();
    service = new AlarmService({ tags: () => tags, journal, publish: () => undefined, user: () => 'tester', log: (level, message) => logs.push(`${level} ${message}`) });
    service.loadDefinitions([]);
    service.setConditionDetails([{ server: 'demo', source: 'TIC101.PV', area: 'Heating', guidance: 'Check TIC101 is in auto.' }, { server: 'other', source: 'TIC101.PV', area: 'Elsewhere' }]);
    // What OpcuaConnection does with it: build it for the session, tell it when the connection is lost.
    events = new OpcuaAlarmEvents(session);
    client.on('connection_lost', () => events.connectionLost());
    service.addConditionSource('demo', events);
    await until('the first ConditionRefresh', async () => (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, text: 'ConditionRefresh after', limit: 5 })).entries.length > 0);
    for (const [watcher, notifiers] of [
      [throughAreas, ['ns=1;s=Areas.Heating', 'i=2253', 'not a node', 'ns=1;s=Areas.NoSuchArea']],
      [pumpsOnly, ['ns=1;s=Areas.Pumps']],
    ] as const) {
      watcher.service = new AlarmService({ tags: () => tags, journal: watcher.journal, publish: () => undefined, user: () => 'tester', log: (level, message) => watcher.logs.push(`${level} ${message}`) });
      watcher.service.loadDefinitions([]);
      watcher.events = new OpcuaAlarmEvents(session, { notifiers });
      watcher.service.addConditionSource('demo', watcher.events);
    }
  }, 180_000);

  afterAll(async () => {
    await setpoint(55).catch(() => undefined);
    service?.dispose();
    await events?.dispose();
    for (const watcher of [throughAreas, pumpsOnly]) {
      watcher.service?.dispose();
      await watcher.events?.dispose();
    }
    await session?.close().catch(() => undefined);
    await client?.disconnect();
    await plant?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('raises the heater’s high temperature condition when the process crosses its limit', async () => {
    expect((await setpoint(78)).name).toBe('Good');
    await until('the TIC101 high alarm', async () => (await alarm())?.state === 'unackActive');
    expect(await alarm()).toMatchObject({ origin: 'opcua', kind: 'H', priority: 'high', severity: 700, tagId: 'demo/TIC101.PV', sourceName: 'TIC101.PV', sounding: true });
    // The server sends neither: the project's area (for the consoles and their KPIs) and guidance.
    expect(await alarm()).toMatchObject({ area: 'Heating', guidance: 'Check TIC101 is in auto.' });
    expect((await alarm())?.message).toMatch(/^TIC101\.PV high: \d+\.\d degC$/);
  });

  it('watches the notifiers a project names: an event seen through two counts once, one that cannot be watched is named and the rest go on', async () => {
    const raises = async (watcher: typeof throughAreas) =>
      (await watcher.journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1_000 })).entries.filter((e) => e.alarmId === TEMPERATURE_ALARM && e.kind === 'raise').length;
    await until('the high alarm through the heater’s area', async () => (await raises(throughAreas)) > 0);
    expect(await raises(throughAreas)).toBe(1);
    expect(throughAreas.logs).toEqual(expect.arrayContaining([
      expect.stringMatching(/^warning demo alarms: cannot watch events of not a node: "not a node" is not a NodeId/),
      expect.stringMatching(/^warning demo alarms: cannot watch events of ns=1;s=Areas\.NoSuchArea: .*BadNodeIdUnknown/),
    ]));
    // The pumps' area carries only the pumps' conditions: a (training) trip of Pump2 arrives, the heater's never does.
    const pumpTrip = async () => (await pumpsOnly.service!.api().listAlarms()).alarms.find((a) => a.id === PUMP2_TRIP);
    const trip = await session.call({ objectId: 'ns=1;s=DemoPlant.Pump2', methodId: demoNodeId('Pump2.SimulateTrip'), inputArguments: [] });
    expect(trip.statusCode.name).toBe('Good');
    await until('the Pump2 trip through the pumps’ area', async () => (await pumpTrip())?.state === 'unackActive');
    expect(await pumpTrip()).toMatchObject({ origin: 'opcua', priority: 'high', sourceName: 'Pump2.Fault' });
    expect((await pumpsOnly.service!.api().listAlarms()).alarms.map((a) => a.id)).not.toContain(TEMPERATURE_ALARM);
    // Put right, so the tests after this one see the plant as before: reset, acknowledge, confirm.
    await session.write({ nodeId: demoNodeId('Pump2.Reset'), attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Boolean, value: true } } });
    await until('the trip back to normal', async () => (await pumpTrip())?.active === false);
    expect(await pumpsOnly.service!.api().acknowledgeAlarms({ ids: [PUMP2_TRIP] })).toMatchObject([{ ok: true }]);
    await until('the acknowledge', async () => (await pumpTrip())?.acked === true);
    expect(await pumpsOnly.service!.api().confirmAlarms({ ids: [PUMP2_TRIP] })).toMatchObject([{ ok: true }]);
    await until('the trip to leave the list', async () => (await pumpTrip()) === undefined);
  });

  it('acknowledges through the condition’s method, and passes the server’s refusal on unchanged', async () => {
    const id = TEMPERATURE_ALARM;
    expect(await service.api().acknowledgeAlarms({ ids: [id], comment: 'heater checked' })).toEqual([{ id, ok: true, status: 0, message: 'Good' }]);
    await until('the acknowledge to come back as an event', async () => (await alarm())?.state === 'ackActive');
    // node-opcua's server answers Good to a second Acknowledge without changing anything; the alarm stays as it is either way.
    const [again] = await service.api().acknowledgeAlarms({ ids: [id] });
    if (!again?.ok) expect(again?.message).toMatch(/^Bad/);
    expect((await alarm())?.state).toBe('ackActive');
    // An Acknowledge quoting an event the server does not know: its reason, word for word.
    expect(await events.acknowledge({ conditionId: 'ns=1;s=Alarms.TIC101.PV', branchId: null, eventId: '00ff' }, '')).toMatchObject({ statusText: 'BadEventIdUnknown' });
    expect(await journalKinds()).toEqual(expect.arrayContaining(['raise', 'ack']));
    const ack = (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, text: 'heater checked', limit: 5 })).entries.find((e) => e.kind === 'ack');
    expect(ack).toMatchObject({ user: 'tester', comment: 'heater checked' });
  });

  it('comments, shelves for a time, and unshelves through the ShelvingState methods', async () => {
    const id = TEMPERATURE_ALARM;
    expect(await service.api().commentAlarm({ id, comment: 'watching it' })).toMatchObject({ ok: true, message: 'Good' });
    await until('the comment', async () => (await alarm())?.lastComment === 'watching it');
    expect(await service.api().shelveAlarms({ ids: [id], mode: 'timed', durationMs: 600_000, reason: 'tuning the loop' })).toEqual([{ id, ok: true, status: 0, message: 'Good' }]);
    await until('the shelve', async () => (await alarm())?.state === 'shelved');
    expect((await alarm())?.shelve).toMatchObject({ mode: 'timed', reason: 'tuning the loop', user: 'tester' });
    expect(await service.api().shelveAlarms({ ids: [id], mode: 'timed', durationMs: 9 * 3_600_000, reason: 'too long' })).toMatchObject([{ ok: false, message: 'BadConditionAlreadyShelved' }]);
    expect(await service.api().unshelveAlarms({ ids: [id] })).toMatchObject([{ ok: true }]);
    await until('the unshelve', async () => (await alarm())?.state !== 'shelved');
    // One-shot: until the alarm next returns to normal, through OneShotShelve.
    expect(await service.api().shelveAlarms({ ids: [id], mode: 'oneShot', reason: 'known until the loop settles' })).toEqual([{ id, ok: true, status: 0, message: 'Good' }]);
    await until('the one-shot shelve', async () => (await alarm())?.shelve?.mode === 'oneShot');
    expect(await alarm()).toMatchObject({ state: 'shelved', shelve: { mode: 'oneShot', until: null, reason: 'known until the loop settles' } });
    expect(await service.api().unshelveAlarms({ ids: [id] })).toMatchObject([{ ok: true }]);
    await until('the second unshelve', async () => (await alarm())?.state !== 'shelved');
    expect(await journalKinds()).toEqual(expect.arrayContaining(['comment', 'shelve', 'unshelve']));
  });

  it('confirms once the temperature is back to normal and acknowledged', async () => {
    const id = TEMPERATURE_ALARM;
    await setpoint(55);
    await until('the return to normal', async () => (await alarm())?.active === false);
    // Acknowledged while active, back to normal: it stays listed until someone confirms it.
    expect(await alarm()).toMatchObject({ active: false, acked: true, confirmed: false });
    expect(await service.api().confirmAlarms({ ids: [id], comment: 'done' })).toEqual([{ id, ok: true, status: 0, message: 'Good' }]);
    await until('the alarm to leave the list', async () => (await alarm()) === undefined);
    expect(await journalKinds()).toEqual(expect.arrayContaining(['confirm']));
    expect(await journalKinds()).toEqual(expect.arrayContaining(['clear']));
  });

  it('marks conditions stale when the plant is lost, and reconciles with ConditionRefresh after the reconnect', async () => {
    await setpoint(78);
    await until('the alarm again', async () => (await alarm())?.state === 'unackActive');
    const port = Number(new URL(plant.endpointUrl.replace('opc.tcp', 'http')).port);
    await plant.stop();
    await until('the alarm to show as stale', async () => (await alarm())?.stale === true);
    const [refused] = await service.api().acknowledgeAlarms({ ids: [TEMPERATURE_ALARM] });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('BadNotConnected') });
    // A new plant process: its TIC101 starts at its design point, so the alarm is gone.
    plant = await startSimulator({ entry, port, pkiDir: path.join(dir, 'plant-pki') });
    await until('the refresh to drop the alarm the server no longer has', async () => (await alarm()) === undefined);
    const refreshes = (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, text: 'ConditionRefresh', limit: 50 })).entries;
    expect(refreshes.some((e) => e.alarmId === TEMPERATURE_ALARM && e.message.includes('no longer reported'))).toBe(true);
    expect(refreshes.filter((e) => e.alarmId === '' && e.message.startsWith('ConditionRefresh after (re)connect')).length).toBeGreaterThanOrEqual(2);
    expect((await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, text: 'connection lost', limit: 5 })).entries[0]?.kind).toBe('sourceLost');
  });
});
