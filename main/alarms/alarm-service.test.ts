import { describe, expect, it } from 'vitest';
import type { AlarmsEvent } from '../../shared/api/alarm-api.js';
import type { TagInfo } from '../../shared/contract.js';
import { alarmDefinitionsSchema, type AlarmDefinitionInput } from './alarm-definition.js';
import { MemoryAlarmJournal } from './alarm-journal.js';
import { AlarmService } from './alarm-service.js';
import type { ConditionSink, ConditionSource, ConditionUpdate, MethodOutcome } from './condition-source.js';
import { ManualClock } from './manual-clock.js';
import type { AlarmStateStore } from './alarm-state-file.js';
import type { SavedAlarmState } from './saved-alarm-state.js';

const tag = (index: number, name: string, nodeId = `ns=1;s=${name}`): TagInfo => ({
  index, id: `demo/${name}`, name, displayName: name, description: '', connectionId: 'demo', nodeId, unit: '', decimals: null, euRange: null, dataType: 'Double', writable: false,
});
const T = Date.UTC(2026, 10, 2, 8);
const TAGS = [tag(0, 'Tank1.Level'), tag(1, 'Pump1.Running'), tag(2, 'TIC101.PV')];

function setup(definitions: AlarmDefinitionInput[]) {
  const clock = new ManualClock(T);
  const journal = new MemoryAlarmJournal();
  const events: AlarmsEvent[] = [];
  const service = new AlarmService({ tags: () => TAGS, journal, publish: (e) => events.push(e), user: () => 'alice', log: () => undefined, clock });
  service.loadDefinitions(alarmDefinitionsSchema.parse(definitions));
  const api = service.api();
  const kinds = async () => (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1000 })).entries.map((e) => `${e.kind} ${e.alarmId}`).reverse();
  const sample = (index: number, value: number) => service.sample(index, clock.now(), value, 0);
  return { clock, journal, events, service, api, kinds, sample };
}

const level: AlarmDefinitionInput = { id: 'LT1', type: 'limit', tag: 'demo/Tank1.Level', area: 'Tanks', limits: { H: { value: 90 } }, guidance: 'Open the drain' };

describe('AlarmService with local alarms', () => {
  it('raises, publishes one coalesced list, acknowledges and journals who did it', async () => {
    const { clock, events, api, kinds, sample } = setup([level]);
    sample(0, 95);
    sample(0, 96);
    expect(events).toEqual([]);
    clock.advance(0);
    expect(events).toHaveLength(1);
    const [alarm] = events[0]!.list.alarms;
    expect(alarm).toMatchObject({ id: 'local:LT1.H', state: 'unackActive', priority: 'high', sounding: true, value: 95, limit: 90, guidance: 'Open the drain', tagId: 'demo/Tank1.Level' });
    expect(await api.acknowledgeAlarms({ ids: ['local:LT1.H', 'local:nope'], comment: 'seen' })).toEqual([
      { id: 'local:LT1.H', ok: true, status: null, message: 'Good' },
      { id: 'local:nope', ok: false, status: null, message: 'no such alarm (it may have returned to normal and been removed)' },
    ]);
    expect(await api.acknowledgeAlarms({ ids: ['local:LT1.H'] })).toMatchObject([{ ok: false, message: 'already acknowledged' }]);
    clock.advance(100);
    expect(events.at(-1)!.list.alarms[0]).toMatchObject({ state: 'ackActive', sounding: false });
    sample(0, 10);
    clock.advance(100);
    expect(events.at(-1)!.list.alarms).toEqual([]);
    expect(await kinds()).toEqual(['raise local:LT1.H', 'ack local:LT1.H', 'clear local:LT1.H']);
    const page = await api.queryAlarmJournal({ from: 0, to: clock.now() + 1, text: 'SEEN' });
    expect(page.entries).toMatchObject([{ kind: 'ack', user: 'alice', comment: 'seen' }]);
  });

  it('shelves for a time no longer than the maximum, and the shelve expires by itself', async () => {
    const { clock, api, kinds, sample, service } = setup([{ ...level, maxShelveMs: 3_600_000 }]);
    sample(0, 95);
    expect(await api.shelveAlarms({ ids: ['local:LT1.H'], mode: 'timed', durationMs: 7_200_000, reason: 'calibration' })).toMatchObject([
      { ok: false, message: "longer than this alarm's maximum shelve time of 1 h" },
    ]);
    expect(await api.shelveAlarms({ ids: ['local:LT1.H'], mode: 'timed', durationMs: 600_000, reason: 'calibration' })).toMatchObject([{ ok: true }]);
    expect((await api.listAlarms()).alarms[0]).toMatchObject({ state: 'shelved', sounding: false, shelve: { mode: 'timed', reason: 'calibration', user: 'alice' } });
    clock.advance(600_000);
    expect((await api.listAlarms()).alarms[0]).toMatchObject({ state: 'unackActive', sounding: true });
    expect(await kinds()).toEqual(['raise local:LT1.H', 'shelve local:LT1.H', 'unshelve local:LT1.H', 'raise local:LT1.H']);
    service.dispose();
    expect(clock.armed).toBe(0);
  });

  it('silences the horn without acknowledging, comments, and takes an alarm out of service and back', async () => {
    const { api, kinds, sample } = setup([level]);
    sample(0, 95);
    await api.silenceAlarms();
    expect((await api.listAlarms()).alarms[0]).toMatchObject({ state: 'unackActive', sounding: false });
    expect(await api.commentAlarm({ id: 'local:LT1.H', comment: 'field checking' })).toMatchObject({ ok: true });
    expect(await api.setAlarmsInService({ ids: ['local:LT1.H'], inService: false, reason: 'transmitter replaced' })).toMatchObject([{ ok: true }]);
    expect((await api.listAlarms()).alarms[0]).toMatchObject({ state: 'outOfService', lastComment: 'field checking' });
    expect(await api.setAlarmsInService({ ids: ['local:LT1.H'], inService: true, reason: 'back' })).toMatchObject([{ ok: true }]);
    expect(await kinds()).toEqual(['raise local:LT1.H', 'silence ', 'comment local:LT1.H', 'outOfService local:LT1.H', 'inService local:LT1.H', 'raise local:LT1.H']);
  });

  it('checks each alarm against the user\'s areas: one outside them is refused alone and left as it was', async () => {
    const { service, sample } = setup([level, { id: 'TT1', type: 'limit', tag: 'demo/TIC101.PV', area: 'Heating', limits: { H: { value: 80 } } }]);
    const asked: string[] = [];
    const api = service.api(() => 'olga', (action, target) => {
      asked.push(`${action} ${target}`);
      return target.startsWith('demo/Tank1.') ? null : `operator "olga" may not ${action} ${target}: outside the user's areas (demo/Tank1.*)`;
    });
    sample(0, 95);
    sample(2, 90);
    expect(await api.acknowledgeAlarms({ ids: ['local:LT1.H', 'local:TT1.H'] })).toEqual([
      { id: 'local:LT1.H', ok: true, status: null, message: 'Good' },
      { id: 'local:TT1.H', ok: false, status: null, message: 'operator "olga" may not acknowledge demo/TIC101.PV: outside the user\'s areas (demo/Tank1.*)' },
    ]);
    expect(await api.shelveAlarms({ ids: ['local:TT1.H'], mode: 'oneShot', reason: 'nuisance' })).toMatchObject([{ ok: false }]);
    expect(asked).toEqual(['acknowledge demo/Tank1.Level', 'acknowledge demo/TIC101.PV', 'shelve demo/TIC101.PV']);
    expect((await api.listAlarms()).alarms.map((a) => `${a.id} ${a.state} ${a.shelve === null ? 'unshelved' : 'shelved'}`).sort()).toEqual([
      'local:LT1.H ackActive unshelved',
      'local:TT1.H unackActive unshelved',
    ]);
  });
});

describe('AlarmService KPIs', () => {
  it('counts the alarm rate per operator position the project names', async () => {
    const { service, api, clock, sample } = setup([level, { id: 'TT1', type: 'limit', tag: 'demo/TIC101.PV', area: 'Heating', limits: { H: { value: 80 } } }]);
    service.setPositions([{ name: 'Tanks console', areas: ['Tanks'] }, { name: 'Heating console', areas: ['Heating'] }]);
    sample(0, 95);
    sample(2, 85);
    sample(0, 10);
    sample(0, 96);
    clock.advance(1_000);
    const kpis = await api.alarmKpis({ from: T - 60_000, to: clock.now() + 1 });
    expect(kpis.positions.map((p) => `${p.position} ${p.alarms}`)).toEqual(['Tanks console 2', 'Heating console 1']);
  });
});

describe('AlarmService across a restart', () => {
  const memoryStates = () => {
    let saved: SavedAlarmState[] = [];
    return { load: () => new Map(saved.map((state) => [state.id, state])), save: (states: readonly SavedAlarmState[]) => void (saved = [...states]), saved: () => saved };
  };
  const start = (states: AlarmStateStore, clock: ManualClock, definitions: AlarmDefinitionInput[], journal = new MemoryAlarmJournal()) => {
    const service = new AlarmService({ tags: () => TAGS, journal, publish: () => undefined, user: () => 'alice', log: () => undefined, clock, states });
    service.loadDefinitions(alarmDefinitionsSchema.parse(definitions));
    return { service, api: service.api(), journal };
  };
  const pump: AlarmDefinitionInput = { id: 'TT1', type: 'limit', tag: 'demo/TIC101.PV', area: 'Heating', limits: { H: { value: 80 } }, maxShelveMs: 3_600_000 };

  it('keeps an acknowledgement and a shelve, clears what cleared meanwhile, and ends a shelve whose time ran out', async () => {
    const states = memoryStates();
    const clock = new ManualClock(T);
    const before = start(states, clock, [level, pump]);
    before.service.sample(0, clock.now(), 95, 0);
    before.service.sample(2, clock.now(), 85, 0);
    await before.api.acknowledgeAlarms({ ids: ['local:LT1.H'], comment: 'draining' });
    await before.api.shelveAlarms({ ids: ['local:TT1.H'], mode: 'timed', durationMs: 600_000, reason: 'sensor work' });
    before.service.dispose();
    expect(states.saved().map((state) => state.id)).toEqual(['local:LT1.H', 'local:TT1.H']);

    // Back after the shelve's ten minutes: the tank is still high, the temperature back to normal.
    clock.advance(900_000);
    const after = start(states, clock, [level, pump]);
    const listed = async () => Object.fromEntries((await after.api.listAlarms()).alarms.map((a) => [a.id, `${a.state}${a.sounding ? ' sounding' : ''}`]));
    // The acknowledged alarm stays acknowledged; the shelve ended while stopped, so its alarm returns as new.
    expect(await listed()).toEqual({ 'local:LT1.H': 'ackActive', 'local:TT1.H': 'unackActive sounding' });
    after.service.sample(0, clock.now(), 96, 0);
    after.service.sample(2, clock.now(), 70, 0);
    expect(await listed()).toEqual({ 'local:LT1.H': 'ackActive', 'local:TT1.H': 'unackRtn' });
    after.service.sample(0, clock.now(), 10, 0);
    expect(await listed()).toEqual({ 'local:TT1.H': 'unackRtn' });
    const kinds = (await after.journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 100 })).entries.map((e) => `${e.kind} ${e.alarmId} ${e.comment}`.trim()).reverse();
    expect(kinds).toEqual(['unshelve local:TT1.H shelve time ended while Tidewatch was stopped', 'raise local:TT1.H', 'clear local:TT1.H', 'clear local:LT1.H']);
  });

  it('starts an alarm whose limit changed from normal, so the next sample raises it anew', async () => {
    const states = memoryStates();
    const clock = new ManualClock(T);
    const before = start(states, clock, [level]);
    before.service.sample(0, clock.now(), 95, 0);
    await before.api.acknowledgeAlarms({ ids: ['local:LT1.H'] });
    before.service.dispose();
    const after = start(states, clock, [{ ...level, limits: { H: { value: 92 } } }]);
    expect((await after.api.listAlarms()).alarms).toEqual([]);
    after.service.sample(0, clock.now(), 95, 0);
    expect((await after.api.listAlarms()).alarms).toMatchObject([{ id: 'local:LT1.H', state: 'unackActive', sounding: true }]);
  });
});

/** A scripted condition source: what a server would send, and what it answers. */
class ScriptedSource implements ConditionSource {
  sink: ConditionSink | null = null;
  answer: MethodOutcome = { status: 0, statusText: 'Good' };
  calls: string[] = [];
  /** What the server sends while the call is on its way back: its event can overtake its answer. */
  beforeAnswer: (() => void) | null = null;
  start(sink: ConditionSink) { this.sink = sink; }
  async dispose() {}
  private async call(name: string) { this.calls.push(name); this.beforeAnswer?.(); return this.answer; }
  acknowledge() { return this.call('Acknowledge'); }
  confirm() { return this.call('Confirm'); }
  addComment() { return this.call('AddComment'); }
  timedShelve() { return this.call('TimedShelve'); }
  oneShotShelve() { return this.call('OneShotShelve'); }
  unshelve() { return this.call('Unshelve'); }
}

const update = (extra: Partial<ConditionUpdate>): ConditionUpdate => ({
  conditionId: 'ns=1;s=TIC101.HighTemp', branchId: null, eventId: 'aa01', eventType: 'ExclusiveLimitAlarmType', sourceNode: 'ns=1;s=TIC101.PV',
  sourceName: 'TIC101.PV', conditionName: 'HighTemp', time: T - 5_000, receiveTime: T - 4_990, message: 'Temperature high', severity: 800, retain: true,
  enabled: true, active: true, acked: false, confirmed: false, shelving: null, unshelveInMs: null, suppressed: false, outOfService: false,
  comment: '', clientUserId: '', limitState: 'High', missing: [], ...extra,
});

describe('AlarmService with OPC UA conditions', () => {
  it('shows a condition, passes an acknowledge to the server, and shows a refusal with the server’s reason', async () => {
    const { api, service, kinds } = setup([]);
    const source = new ScriptedSource();
    service.addConditionSource('demo', source);
    source.sink!.condition(update({}));
    const [alarm] = (await api.listAlarms()).alarms;
    expect(alarm).toMatchObject({ id: 'demo:ns=1;s=TIC101.HighTemp', origin: 'opcua', priority: 'critical', severity: 800, kind: 'High', tagId: 'demo/TIC101.PV', state: 'unackActive' });
    source.answer = { status: 0x80c60000, statusText: 'BadConditionBranchAlreadyAcked' };
    expect(await api.acknowledgeAlarms({ ids: [alarm!.id] })).toEqual([{ id: alarm!.id, ok: false, status: 0x80c60000, message: 'BadConditionBranchAlreadyAcked' }]);
    expect((await api.listAlarms()).alarms[0]?.state).toBe('unackActive');
    source.answer = { status: 0, statusText: 'Good' };
    expect(await api.acknowledgeAlarms({ ids: [alarm!.id], comment: 'on it' })).toMatchObject([{ ok: true, status: 0 }]);
    source.sink!.condition(update({ acked: true, comment: 'on it', time: T + 1_000 }));
    source.sink!.condition(update({ acked: true, active: false, confirmed: true, retain: false, time: T + 2_000 }));
    expect((await api.listAlarms()).alarms).toEqual([]);
    expect(await kinds()).toEqual(['raise demo:ns=1;s=TIC101.HighTemp', 'actionFailed demo:ns=1;s=TIC101.HighTemp', 'ack demo:ns=1;s=TIC101.HighTemp', 'clear demo:ns=1;s=TIC101.HighTemp', 'confirm demo:ns=1;s=TIC101.HighTemp']);
    expect(source.calls).toEqual(['Acknowledge', 'Acknowledge']);
  });

  it('marks conditions stale when the connection drops, and reconciles after ConditionRefresh', async () => {
    const { api, service, journal } = setup([]);
    const source = new ScriptedSource();
    service.addConditionSource('demo', source);
    source.sink!.condition(update({}));
    source.sink!.condition(update({ conditionId: 'ns=1;s=Pump1.Fault', sourceName: 'Pump1.Fault', conditionName: 'Fault', limitState: null, eventType: 'OffNormalAlarmType' }));
    source.sink!.lost('connection lost');
    expect((await api.listAlarms()).alarms.map((a) => a.stale)).toEqual([true, true]);
    source.sink!.refreshStarted();
    source.sink!.condition(update({ acked: true, comment: 'acked elsewhere' }));
    source.sink!.refreshEnded();
    const list = await api.listAlarms();
    expect(list.alarms.map((a) => [a.name, a.state, a.stale])).toEqual([['TIC101.PV HighTemp', 'ackActive', false]]);
    const page = await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, text: 'ConditionRefresh', limit: 10 });
    expect(page.entries.map((e) => e.message)).toContain('ConditionRefresh after (re)connect: 1 conditions reported, 1 changed while away, 1 gone');
  });

  it('keeps the operator’s shelve reason when the server’s event overtakes its answer to the call', async () => {
    const { api, service } = setup([]);
    const source = new ScriptedSource();
    service.addConditionSource('demo', source);
    source.sink!.condition(update({}));
    source.beforeAnswer = () => source.sink!.condition(update({ shelving: 'TimedShelved', unshelveInMs: 600_000, comment: 'an older comment', time: T + 1_000 }));
    expect(await api.shelveAlarms({ ids: ['demo:ns=1;s=TIC101.HighTemp'], mode: 'timed', durationMs: 600_000, reason: 'tuning the loop' })).toMatchObject([{ ok: true }]);
    expect((await api.listAlarms()).alarms[0]?.shelve).toMatchObject({ mode: 'timed', reason: 'tuning the loop', user: 'alice' });
  });

  it('forgets a refused shelve: a later shelve by another client keeps its own reason', async () => {
    const { api, service } = setup([]);
    const source = new ScriptedSource();
    service.addConditionSource('demo', source);
    source.sink!.condition(update({}));
    source.answer = { status: 0x80000000, statusText: 'BadInvalidState' };
    expect(await api.shelveAlarms({ ids: ['demo:ns=1;s=TIC101.HighTemp'], mode: 'oneShot', reason: 'nuisance' })).toMatchObject([{ ok: false }]);
    source.sink!.condition(update({ shelving: 'OneShotShelved', comment: 'shelved at the other console', clientUserId: 'bob', time: T + 1_000 }));
    expect((await api.listAlarms()).alarms[0]?.shelve).not.toMatchObject({ reason: 'nuisance' });
  });

  it('still shows an event with missing fields, with what is known', async () => {
    const { api, service } = setup([]);
    const source = new ScriptedSource();
    service.addConditionSource('demo', source);
    source.sink!.condition(update({ message: '', severity: null, sourceNode: null, conditionName: '', missing: ['Message', 'Severity'] }));
    expect((await api.listAlarms()).alarms[0]).toMatchObject({ priority: 'medium', name: 'TIC101.PV', message: 'TIC101.PV (event without Message, Severity)', tagId: null });
  });
});
