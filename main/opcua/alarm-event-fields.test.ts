import { describe, expect, it } from 'vitest';
import { conditionEvent, type PlainFields } from './alarm-event-fields.js';

const full: PlainFields = {
  EventId: 'ab01', EventType: 'ns=0;i=9341', SourceNode: 'ns=1;s=TIC101.PV', SourceName: 'TIC101.PV', Time: 1_000, ReceiveTime: 1_005,
  Message: 'TIC101.PV high: 70.1 degC', Severity: 700, ConditionId: 'ns=1;s=Alarms.TIC101.PV', ConditionName: 'Limits', BranchId: 'ns=0;i=0',
  Retain: true, 'EnabledState.Id': true, 'ActiveState.Id': true, 'AckedState.Id': false, 'ConfirmedState.Id': true,
  'ShelvingState.CurrentState': 'Unshelved', 'SuppressedState.Id': false, Comment: '', ClientUserId: '', 'LimitState.CurrentState': 'High',
};

describe('conditionEvent', () => {
  it('reads a complete limit alarm event', () => {
    const event = conditionEvent(full, 'ExclusiveLimitAlarmType', 2_000);
    expect(event).toEqual({
      type: 'condition',
      update: expect.objectContaining({
        conditionId: 'ns=1;s=Alarms.TIC101.PV', branchId: null, eventId: 'ab01', time: 1_000, receiveTime: 1_005, severity: 700, active: true,
        acked: false, confirmed: true, shelving: null, limitState: 'H', missing: [],
      }),
    });
  });

  it('tells refresh brackets and queue overflows apart from conditions', () => {
    expect(conditionEvent({}, 'RefreshStartEventType', 0)).toEqual({ type: 'refreshStart' });
    expect(conditionEvent({}, 'RefreshEndEventType', 0)).toEqual({ type: 'refreshEnd' });
    expect(conditionEvent({}, 'EventQueueOverflowEventType', 0)).toEqual({ type: 'overflow' });
  });

  it('keeps an event with missing or odd fields visible, says what was missing, and reads non-exclusive states', () => {
    const event = conditionEvent({ SourceName: 'Boiler', Severity: 'loud', Time: 'yesterday', 'HighState.Id': true, 'HighHighState.Id': false, 'ShelvingState.CurrentState': 'OneShotShelved' }, 'NonExclusiveLimitAlarmType', 5_000);
    if (event.type !== 'condition') throw new Error(event.type);
    expect(event.update).toMatchObject({
      conditionId: 'Boiler|NonExclusiveLimitAlarmType', time: 5_000, severity: null, message: '', retain: true, active: true, acked: false,
      confirmed: null, enabled: true, shelving: 'OneShotShelved', limitState: 'H',
    });
    expect(event.update.missing).toEqual(['ConditionId', 'Time', 'Severity', 'Message', 'ActiveState', 'AckedState']);
  });
});
