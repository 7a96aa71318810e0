import { describe, expect, it } from 'vitest';
import { makeAlarmView } from '../test-support/make-alarm-view.js';
import { alarmToAcknowledge } from './alarm-to-acknowledge.js';

describe('alarmToAcknowledge (F8)', () => {
  const low = makeAlarmView('TI101.H', { priority: 'low', activeTime: 5_000 });
  const urgentOld = makeAlarmView('LI101.HH', { priority: 'critical', activeTime: 1_000 });
  const urgentNew = makeAlarmView('LI201.HH', { priority: 'critical', activeTime: 2_000 });

  it('takes the banner alarm: the newest of the highest priority still unacknowledged', () => {
    expect(alarmToAcknowledge([low, urgentOld, urgentNew], null)?.id).toBe('LI201.HH');
  });

  it('takes the alarm picked in the summary while it waits for an acknowledge', () => {
    expect(alarmToAcknowledge([low, urgentOld, urgentNew], 'TI101.H')?.id).toBe('TI101.H');
    const acked = makeAlarmView('TI101.H', { priority: 'low', acked: true, state: 'ackActive' });
    expect(alarmToAcknowledge([acked, urgentNew], 'TI101.H')?.id).toBe('LI201.HH');
  });

  it('finds nothing when every alarm is acknowledged', () => {
    expect(alarmToAcknowledge([makeAlarmView('A', { acked: true, state: 'ackActive' })], null)).toBeNull();
  });
});
