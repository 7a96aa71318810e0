import { describe, expect, it } from 'vitest';
import { MemoryAlarmJournal } from './alarm-journal.js';
import { AlarmService } from './alarm-service.js';
import { ManualClock } from './manual-clock.js';

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 8));
  const journal = new MemoryAlarmJournal();
  const service = new AlarmService({ tags: () => [], journal, publish: () => undefined, user: () => 'alice', log: () => undefined, clock });
  const api = service.api();
  const kinds = async () => (await journal.query({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 100 })).entries.map((e) => `${e.kind} ${e.alarmId} ${e.source}`).reverse();
  return { service, api, kinds };
}

describe('system alarms', () => {
  it('raise as a high-priority System alarm, take a new message in the same row, and clear', async () => {
    const { service, api, kinds } = setup();
    service.raiseSystemAlarm('history', 'History not recorded', 'History is not being recorded: the disk is full');
    service.raiseSystemAlarm('history', 'History not recorded', 'History is not being recorded: the disk is still full');
    expect((await api.listAlarms()).alarms).toMatchObject([{
      id: 'system:history', origin: 'system', area: 'System', priority: 'high', state: 'unackActive', sounding: true, message: 'History is not being recorded: the disk is still full',
    }]);
    service.clearSystemAlarm('history');
    expect((await api.listAlarms()).alarms).toMatchObject([{ id: 'system:history', state: 'unackRtn' }]);
    expect(await api.acknowledgeAlarms({ ids: ['system:history'], comment: 'disk replaced' })).toEqual([{ id: 'system:history', ok: true, status: null, message: 'Good' }]);
    expect((await api.listAlarms()).alarms).toEqual([]);
    expect(await kinds()).toEqual(['raise system:history system', 'clear system:history system', 'ack system:history system']);
  });

  it('are acknowledged and commented on, but not shelved or taken out of service: fixing the cause clears them', async () => {
    const { service, api } = setup();
    service.raiseSystemAlarm('history', 'History not recorded', 'read-only');
    expect(await api.shelveAlarms({ ids: ['system:history'], mode: 'oneShot', reason: 'noise' })).toMatchObject([{ ok: false, message: 'a system alarm is only acknowledged: it clears when its cause is fixed' }]);
    expect(await api.setAlarmsInService({ ids: ['system:history'], inService: false, reason: 'x' })).toMatchObject([{ ok: false }]);
    expect(await api.commentAlarm({ id: 'system:history', comment: 'IT called' })).toMatchObject({ ok: true });
    expect(await api.acknowledgeAlarms({ ids: ['system:history'] })).toMatchObject([{ ok: true }]);
    expect((await api.listAlarms()).alarms).toMatchObject([{ state: 'ackActive', lastComment: 'IT called' }]);
    service.clearSystemAlarm('history');
    expect((await api.listAlarms()).alarms).toEqual([]);
  });
});
