import { describe, expect, it } from 'vitest';
import { makeAlarmView } from '../test-support/make-alarm-view.js';
import { tagAlarmMarks } from './tag-alarm-marks.js';

describe('tagAlarmMarks', () => {
  it('marks each tag with its most urgent annunciated alarm', () => {
    const marks = tagAlarmMarks([
      makeAlarmView('a', { tagId: 'demo/Tank1.Level', priority: 'low', state: 'ackActive', acked: true }),
      makeAlarmView('b', { tagId: 'demo/Tank1.Level', priority: 'high', state: 'ackActive', acked: true }),
      makeAlarmView('c', { tagId: 'demo/TIC101.PV', priority: 'medium' }),
    ]);
    expect(Object.fromEntries(marks)).toEqual({
      'demo/Tank1.Level': { priority: 'high', acked: true, count: 2 },
      'demo/TIC101.PV': { priority: 'medium', acked: false, count: 1 },
    });
  });

  it('blinks while an alarm of the shown priority waits for an acknowledge, not for a lower one', () => {
    const tag = 'demo/Tank1.Level';
    const waitingLow = tagAlarmMarks([makeAlarmView('h', { tagId: tag, priority: 'high', state: 'ackActive', acked: true }), makeAlarmView('l', { tagId: tag, priority: 'low' })]);
    expect(waitingLow.get(tag)?.acked).toBe(true);
    const waitingHigh = tagAlarmMarks([makeAlarmView('h1', { tagId: tag, priority: 'high', state: 'ackActive', acked: true }), makeAlarmView('h2', { tagId: tag, priority: 'high', state: 'unackRtn', active: false })]);
    expect(waitingHigh.get(tag)).toEqual({ priority: 'high', acked: false, count: 2 });
  });

  it('leaves out alarms without a tag, and shelved, suppressed, out-of-service or normal ones', () => {
    const quiet = ['shelved', 'suppressed', 'outOfService', 'normal'] as const;
    const marks = tagAlarmMarks([makeAlarmView('system', { origin: 'system' }), ...quiet.map((state) => makeAlarmView(state, { tagId: 'demo/Pump1.Running', state }))]);
    expect(marks.size).toBe(0);
  });
});
