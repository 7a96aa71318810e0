import { describe, expect, it } from 'vitest';
import type { AlarmJournalEntry, AlarmView } from '../../shared/api/alarm-api.js';
import { computeAlarmKpis, floodIntervals } from './alarm-kpis.js';
import { journalCsv } from './journal-csv.js';
import { kpiCsv, kpiHtml } from './kpi-report.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 8, 0);

const raise = (alarmId: string, time: number, area = 'Tanks'): AlarmJournalEntry => ({
  eventTime: time, receiveTime: time, kind: 'raise', alarmId, name: alarmId, source: 'local', area, priority: 'high',
  state: 'unackActive', value: 1, limit: 0, user: '', comment: '', message: `${alarmId} raised`,
});

const view = (id: string, extra: Partial<AlarmView>): AlarmView => ({
  id, origin: 'local', connectionId: null, name: id, tagId: null, sourceName: id, area: 'Tanks', priority: 'low', severity: null,
  kind: 'H', message: '', guidance: '', state: 'ackActive', active: true, acked: true, confirmed: true, latched: false, shelve: null,
  activeTime: null, changedTime: T0, value: null, limit: null, lastComment: '', sounding: false, stale: false, revision: 1, ...extra,
});

describe('alarm KPIs', () => {
  it('counts alarms per 10 minutes and per hour for each operator position', () => {
    const entries = [raise('A', T0 + 1 * MIN), raise('A', T0 + 2 * MIN), raise('B', T0 + 3 * MIN, 'Heating'), raise('C', T0 + 65 * MIN)];
    const kpis = computeAlarmKpis({
      from: T0, to: T0 + 120 * MIN, entries, current: [], now: T0 + 120 * MIN,
      positions: [{ name: 'Tanks desk', areas: ['Tanks'] }, { name: 'Whole plant', areas: [] }],
    });
    expect(kpis.totalAlarms).toBe(4);
    const [tanks, plant] = kpis.positions;
    expect(tanks).toMatchObject({ position: 'Tanks desk', alarms: 3, per10MinMax: 2, perHourMax: 2, perHourAverage: 1.5, over10MinTargetShare: 0 });
    expect(plant).toMatchObject({ alarms: 4, per10MinMax: 3, per10MinAverage: 4 / 12, over10MinTargetShare: 1 / 12 });
    expect(kpis.per10Min).toHaveLength(12);
    expect(kpis.per10Min[0]).toEqual({ start: T0, count: 3 });
  });

  it('finds a flood from its 10th alarm within 10 minutes until fewer than 5 remain', () => {
    // 12 alarms one a minute from 08:00; the 10th comes at 08:09.
    const times = Array.from({ length: 12 }, (_, i) => T0 + i * MIN);
    expect(floodIntervals(times, T0, T0 + 60 * MIN)).toEqual([{ start: T0 + 9 * MIN, end: T0 + 17 * MIN, alarms: 12 }]);
    // Nine in ten minutes is no flood.
    expect(floodIntervals(times.slice(0, 9), T0, T0 + 60 * MIN)).toEqual([]);
    const kpis = computeAlarmKpis({ from: T0, to: T0 + 80 * MIN, entries: times.map((t) => raise('F', t)), current: [], positions: [], now: T0 + 80 * MIN });
    expect(kpis.floodMs).toBe(8 * MIN);
    expect(kpis.floodShare).toBe(0.1);
  });

  it('ranks the top 10 with their share, and finds chattering alarms (3+ activations in a minute)', () => {
    const entries = [
      ...[0, 10, 20].map((s) => raise('CHAT', T0 + s * 1000)),
      ...[0, 61, 122].map((s) => raise('SLOW', T0 + 5 * MIN + s * 1000)),
      ...Array.from({ length: 11 }, (_, i) => raise(`X${String(i).padStart(2, '0')}`, T0 + 30 * MIN + i)),
    ];
    const kpis = computeAlarmKpis({ from: T0, to: T0 + 60 * MIN, entries, current: [], positions: [], now: T0 + 60 * MIN });
    expect(kpis.top).toHaveLength(10);
    expect(kpis.top.slice(0, 3).map((c) => [c.alarmId, c.count])).toEqual([['CHAT', 3], ['SLOW', 3], ['X00', 1]]);
    expect(kpis.top[0]?.share).toBeCloseTo(3 / 17);
    expect(kpis.topShare).toBeCloseTo(14 / 17);
    expect(kpis.chattering).toEqual([{ alarmId: 'CHAT', name: 'CHAT', count: 3, share: 3 / 17, maxPerMinute: 3 }]);
  });

  it('counts stale, shelved and suppressed alarms at the end of the period', () => {
    const now = T0 + 48 * 60 * MIN;
    const current = [
      view('OLD', { activeTime: now - 25 * 60 * MIN }),
      view('NEW', { activeTime: now - 60 * MIN }),
      view('SH', { state: 'shelved', active: false }),
      view('SU', { state: 'suppressed', active: false }),
    ];
    const entries: AlarmJournalEntry[] = [{ ...raise('SH', T0), kind: 'shelve' }, { ...raise('SU', T0), kind: 'suppress' }];
    const kpis = computeAlarmKpis({ from: T0, to: now, entries, current, positions: [], now });
    expect(kpis.stale.map((s) => s.alarmId)).toEqual(['OLD']);
    expect(kpis).toMatchObject({ shelveCount: 1, suppressCount: 1, shelvedNow: 1, suppressedNow: 1, totalAlarms: 0 });
  });

  it('writes the report as CSV and as HTML that cannot carry markup or formulas from alarm names', () => {
    const entries = [raise('<script>alert(1)</script>', T0 + MIN), raise('=HYPERLINK("x")', T0 + 2 * MIN)];
    const kpis = computeAlarmKpis({ from: T0, to: T0 + 60 * MIN, entries, current: [], positions: [], now: T0 + 60 * MIN });
    const html = kpiHtml(kpis);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Top 10 most frequent');
    const csv = kpiCsv(kpis);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split('\r\n')[1]).toBe('from,to,alarms');
    const journal = journalCsv(entries);
    expect(journal.split('\r\n')[0]).toBe('event time,receive time,kind,alarm,name,source,area,priority,state,value,limit,user,comment,message');
    expect(journal).toContain('2026-11-02T08:01:00.000Z');
  });
});
