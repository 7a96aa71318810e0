import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmActionResult, AlarmList } from '../../shared/api/alarm-api.js';
import { alarmDefinitionsSchema } from '../../main/alarms/alarm-definition.js';
import { demoProject } from '../../main/project/demo-project.js';
import { ApiSocket } from '../support/api-socket.js';
import { waitFor } from '../support/wait-for.js';
import { startOperatorStation, type OperatorStation } from '../support/operator-station.js';

const ALARM = 'local:Tank1.CHECK.H';

// Alarm actions from a browser session land in the audit trail beside writes and commands,
// each with its user, station and what the engine answered, refusals included.
describe('acknowledging and shelving, audited', () => {
  let station: OperatorStation;

  beforeAll(async () => {
    const project = demoProject();
    // A level alarm whose limit the tank is always above, so it is active from the first sample.
    const check = { id: 'Tank1.CHECK', type: 'limit', tag: 'demo/Tank1.Level', area: 'Tanks', limits: { H: { value: -1, message: 'Tank1 level check' } } };
    station = await startOperatorStation('alarm-audit', { ...project, alarms: alarmDefinitionsSchema.parse([...project.alarms, check]) });
    await waitFor(`${ALARM} raised`, async () => (await station.olga.call<AlarmList>('listAlarms')).alarms.some((alarm) => alarm.id === ALARM), 60_000);
  });

  afterAll(() => station?.stop());

  const trail = async () => (await station.audit(ALARM)).map((r) => [r.action, r.user, r.station, r.oldValue, r.newValue, r.result, r.detail]).reverse();

  it('records an acknowledgement with its comment, and a second one refused', async () => {
    expect(await station.olga.call<AlarmActionResult[]>('acknowledgeAlarms', { ids: [ALARM], comment: 'level gauge checked' })).toMatchObject([{ ok: true }]);
    expect(await station.olga.call<AlarmActionResult[]>('acknowledgeAlarms', { ids: [ALARM] })).toMatchObject([{ ok: false, message: 'already acknowledged' }]);
    expect(await trail()).toEqual([
      ['acknowledge', 'olga', 'browser@127.0.0.1', null, 'acknowledged', 'ok', 'acknowledge: level gauge checked'],
      ['acknowledge', 'olga', 'browser@127.0.0.1', null, 'acknowledged', 'refused: already acknowledged', 'acknowledge'],
    ]);
  });

  it('records a shelve with its time and reason, the unshelve, and taking it out of service and back', async () => {
    expect(await station.olga.call<AlarmActionResult[]>('shelveAlarms', { ids: [ALARM], mode: 'timed', durationMs: 600_000, reason: 'transmitter calibration' })).toMatchObject([{ ok: true }]);
    expect(await station.olga.call<AlarmActionResult[]>('unshelveAlarms', { ids: [ALARM] })).toMatchObject([{ ok: true }]);
    expect(await station.olga.call<AlarmActionResult[]>('setAlarmsInService', { ids: [ALARM], inService: false, reason: 'sensor replaced' })).toMatchObject([{ ok: true }]);
    expect(await station.olga.call<AlarmActionResult[]>('setAlarmsInService', { ids: [ALARM], inService: true, reason: 'sensor back' })).toMatchObject([{ ok: true }]);
    expect((await trail()).slice(2)).toEqual([
      ['shelve', 'olga', 'browser@127.0.0.1', null, 'shelved for 10 min', 'ok', 'shelve: transmitter calibration'],
      ['shelve', 'olga', 'browser@127.0.0.1', 'shelved', 'unshelved', 'ok', 'unshelve'],
      ['shelve', 'olga', 'browser@127.0.0.1', null, 'out of service', 'ok', 'remove from service: sensor replaced'],
      ['shelve', 'olga', 'browser@127.0.0.1', null, 'in service', 'ok', 'return to service: sensor back'],
    ]);
  });

  it('refuses, in main and per alarm, a viewer and an operator of another area, audits both, and leaves the alarm as it was', async () => {
    const stateOf = async () => {
      const alarm = (await station.olga.call<AlarmList>('listAlarms')).alarms.find((a) => a.id === ALARM);
      return { state: alarm?.state, shelve: alarm?.shelve, acked: alarm?.acked, confirmed: alarm?.confirmed };
    };
    const before = await stateOf();
    await station.admin.call('saveUser', { name: 'tom', displayName: 'Tom', role: 'operator', areas: ['demo/Tank2.*'], disabled: false, password: 'tom-pass-12' });
    const tom = await ApiSocket.open(station.serve.origin, station.serve.token);
    await tom.call('login', { name: 'tom', password: 'tom-pass-12' });
    expect(await tom.call<AlarmActionResult[]>('shelveAlarms', { ids: [ALARM], mode: 'oneShot', reason: 'nuisance' })).toEqual([
      { id: ALARM, ok: false, status: null, message: 'operator "tom" may not shelve demo/Tank1.Level: outside the user\'s areas (demo/Tank2.*)' },
    ]);
    tom.close();
    const vic = await station.viewer();
    expect(await vic.call<AlarmActionResult[]>('confirmAlarms', { ids: [ALARM] })).toMatchObject([{ ok: false, message: 'viewer "vic" may not acknowledge demo/Tank1.Level: the viewer role may not acknowledge anything' }]);
    vic.close();
    expect((await trail()).slice(6)).toEqual([
      ['shelve', 'tom', 'browser@127.0.0.1', null, 'shelved until it clears', 'refused: operator "tom" may not shelve demo/Tank1.Level: outside the user\'s areas (demo/Tank2.*)', 'shelve: nuisance'],
      ['acknowledge', 'vic', 'browser@127.0.0.1', null, 'confirmed', 'refused: viewer "vic" may not acknowledge demo/Tank1.Level: the viewer role may not acknowledge anything', 'confirm'],
    ]);
    expect(await stateOf()).toEqual(before);
  });
});
