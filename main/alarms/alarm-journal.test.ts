import { describe, expect, it } from 'vitest';
import type { AlarmJournalEntry } from '../../shared/api/alarm-api.js';
import { historianAlarmJournal, MemoryAlarmJournal, type EventJournalStore } from './alarm-journal.js';

const entry = (kind: AlarmJournalEntry['kind'], time: number, extra: Partial<AlarmJournalEntry> = {}): AlarmJournalEntry => ({
  eventTime: time, receiveTime: time + 5, kind, alarmId: 'local:T1.H', name: 'T1.H', source: 'local', area: 'Tanks', priority: 'high',
  state: 'unackActive', value: 91, limit: 90, user: '', comment: '', message: 'Tank high', ...extra,
});

/** The historian's journal table as event-log.ts defines its semantics: exact kind, substring text, newest first. */
function tableLike(): EventJournalStore & { rows: { time: number; kind: string; subject: string; user: string; text: string; payload: unknown }[] } {
  const rows: { time: number; kind: string; subject: string; user: string; text: string; payload: unknown }[] = [];
  return {
    rows,
    appendJournal: async (row) => rows.push({ subject: '', user: '', text: '', payload: null, ...row }),
    queryJournal: async (q) => {
      const found = rows
        .filter((r) => (q.kind === undefined || r.kind === q.kind) && r.time >= (q.from ?? -Infinity) && r.time < (q.to ?? Infinity))
        .filter((r) => !q.text || `${r.text} ${r.kind} ${r.subject} ${r.user}`.toLowerCase().includes(q.text.toLowerCase()))
        .sort((a, b) => b.time - a.time);
      return { entries: found.slice(0, q.limit), truncated: found.length > q.limit };
    },
  };
}

describe('alarm journals', () => {
  it('maps entries onto the historian’s journal columns and reads back only alarm entries, newest first', async () => {
    const table = tableLike();
    const journal = historianAlarmJournal(table, (error) => { throw error; });
    journal.append(entry('raise', 1_000));
    journal.append(entry('ack', 2_000, { user: 'olga', comment: 'seen it' }));
    await table.appendJournal({ time: 1_500, kind: 'write', subject: 'demo/TIC101.SP', text: 'seen it' });
    expect(table.rows[1]).toMatchObject({ time: 2_000, kind: 'alarm', subject: 'local:T1.H', user: 'olga', text: 'ack | T1.H | Tank high | seen it' });
    const page = await journal.query({ from: 0, to: 10_000, text: 'seen', limit: 10 });
    expect(page).toEqual({ entries: [entry('ack', 2_000, { user: 'olga', comment: 'seen it' })], truncated: false });
    expect((await journal.query({ from: 0, to: 10_000, limit: 1 })).truncated).toBe(true);
  });

  it('reports a store that refuses a write, and loses nothing else', async () => {
    const errors: unknown[] = [];
    const journal = historianAlarmJournal({ appendJournal: () => Promise.reject(new Error('disk full')), queryJournal: async () => ({ entries: [], truncated: false }) }, (e) => errors.push(e));
    journal.append(entry('raise', 1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual([new Error('disk full')]);
  });

  it('keeps a bounded memory journal, dropping the oldest', async () => {
    const journal = new MemoryAlarmJournal(100);
    for (let i = 0; i < 150; i++) journal.append(entry('raise', i));
    expect(journal.size).toBeLessThanOrEqual(100);
    const page = await journal.query({ from: 0, to: 1_000, limit: 5 });
    expect(page.entries.map((e) => e.eventTime)).toEqual([149, 148, 147, 146, 145]);
  });
});
