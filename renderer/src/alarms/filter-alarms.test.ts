import { describe, expect, it } from 'vitest';
import { makeAlarmView as alarm } from '../test-support/make-alarm-view.js';
import { areasOf, DEFAULT_FILTER, DEFAULT_SORT, filterAlarms, sortAlarms } from './filter-alarms.js';

const list = [
  alarm('pump', { priority: 'high', area: 'Pumps', activeTime: 10, message: 'Pump1 tripped' }),
  alarm('tank', { priority: 'critical', area: 'Tanks', activeTime: 5 }),
  alarm('tank2', { priority: 'critical', area: 'Tanks', activeTime: 50 }),
  alarm('shelved', { priority: 'low', area: 'Tanks', state: 'shelved', active: false, acked: true }),
];

describe('filterAlarms and sortAlarms', () => {
  it('shows standing alarms by default, most urgent first and newest first within a priority', () => {
    expect(sortAlarms(filterAlarms(list, DEFAULT_FILTER), DEFAULT_SORT).map((a) => a.id)).toEqual(['tank2', 'tank', 'pump']);
  });

  it('filters by priority, area, state and text', () => {
    expect(filterAlarms(list, { ...DEFAULT_FILTER, priorities: new Set(['high']) }).map((a) => a.id)).toEqual(['pump']);
    expect(filterAlarms(list, { ...DEFAULT_FILTER, area: 'Tanks', state: 'all' }).map((a) => a.id)).toEqual(['tank', 'tank2', 'shelved']);
    expect(filterAlarms(list, { ...DEFAULT_FILTER, state: 'shelved' }).map((a) => a.id)).toEqual(['shelved']);
    expect(filterAlarms(list, { ...DEFAULT_FILTER, text: 'TRIPPED' }).map((a) => a.id)).toEqual(['pump']);
  });

  it('sorts by any column either way', () => {
    expect(sortAlarms(list, { key: 'time', descending: false }).map((a) => a.id)).toEqual(['shelved', 'tank2', 'pump', 'tank']);
    expect(sortAlarms(list, { key: 'name', descending: true }).map((a) => a.id)).toEqual(['tank2', 'tank', 'shelved', 'pump']);
    expect(areasOf(list)).toEqual(['Pumps', 'Tanks']);
  });
});
