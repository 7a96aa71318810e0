import { describe, expect, it } from 'vitest';
import { makeAlarmView as alarm } from '../test-support/make-alarm-view.js';
import { summarizeAlarms } from './summarize-alarms.js';

describe('summarizeAlarms', () => {
  it('counts standing and new alarms per priority, and picks the newest of the most urgent unacknowledged', () => {
    const summary = summarizeAlarms([
      alarm('old-critical', { priority: 'critical', activeTime: 100 }),
      alarm('new-critical', { priority: 'critical', activeTime: 200 }),
      alarm('newest-high', { priority: 'high', activeTime: 300, sounding: true }),
      alarm('acked-low', { priority: 'low', acked: true, state: 'ackActive' }),
      alarm('cleared-unacked', { priority: 'low', active: false, state: 'unackRtn' }),
      alarm('shelved', { priority: 'critical', active: false, acked: true, state: 'shelved' }),
    ]);
    expect(summary.counts).toEqual([
      { priority: 'critical', standing: 2, unacked: 2 },
      { priority: 'high', standing: 1, unacked: 1 },
      { priority: 'medium', standing: 0, unacked: 0 },
      { priority: 'low', standing: 2, unacked: 1 },
    ]);
    expect(summary.top?.id).toBe('new-critical');
    expect(summary.sounding).toBe('high');
    expect(summary.hidden).toBe(1);
  });

  it('is quiet when nothing is unacknowledged', () => {
    expect(summarizeAlarms([alarm('a', { acked: true, state: 'ackActive' })])).toMatchObject({ top: null, sounding: null });
  });
});
