import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Historian } from '../../main/historian/historian.js';
import { historianWorkerEntry, tempDir } from './historian-support.js';

// The alarm journal and the audit trail: generic entries stored in the same
// database as the samples, searched by time, text and indexed columns.

const T = Date.UTC(2026, 10, 5, 8, 0, 0);

describe('historian journal and audit trail', () => {
  const folder = tempDir('historian-events');
  let historian: Historian;

  beforeAll(async () => {
    historian = new Historian({ dir: folder.dir, workerEntry: await historianWorkerEntry() });
    const alarms = [
      { time: T, kind: 'raise', subject: 'Tank1.HighLevel', text: 'Tank 1 level high: 92.5 %', payload: { priority: 'high', value: 92.5, limit: 90 } },
      { time: T + 60_000, kind: 'ack', subject: 'Tank1.HighLevel', user: 'Jürgen', text: 'Tank 1 level high', payload: { comment: 'Überdruck geprüft' } },
      { time: T + 120_000, kind: 'raise', subject: 'Pump2.Trip', text: 'Pump 2 tripped', payload: null },
      { time: T + 180_000, kind: 'clear', subject: 'Tank1.HighLevel', text: 'Tank 1 level normal' },
      { time: T + 180_000, kind: 'comment', subject: 'Tank1.HighLevel', user: 'ana', text: 'ÜBERDRUCK valve replaced' },
    ];
    for (const entry of alarms) await historian.appendJournal(entry);
    for (let seq = 1; seq <= 25; seq++) {
      await historian.appendAudit({ time: T + seq * 1000, kind: seq % 5 === 0 ? 'login' : 'write', subject: seq % 5 === 0 ? '' : 'demo/Valve1.Open', user: seq % 2 ? 'ana' : 'bo', text: `record ${seq}`, payload: { seq, prevHash: 'ab'.repeat(32), newValue: seq % 2 === 0 } });
    }
  });

  afterAll(async () => {
    await historian?.dispose();
    folder.remove();
  });

  it('returns entries newest first, with their payload exactly as given', async () => {
    const page = await historian.queryJournal({ from: T, to: T + 3_600_000, limit: 100 });
    expect(page.truncated).toBe(false);
    expect(page.entries.map((e) => [e.id, e.kind])).toEqual([[5, 'comment'], [4, 'clear'], [3, 'raise'], [2, 'ack'], [1, 'raise']]);
    expect(page.entries[4]).toEqual({ id: 1, time: T, kind: 'raise', subject: 'Tank1.HighLevel', user: '', text: 'Tank 1 level high: 92.5 %', payload: { priority: 'high', value: 92.5, limit: 90 } });
    expect(page.entries[2]!.payload).toBeNull();
    expect(page.entries[1]!.payload).toBeNull();
  });

  it('searches text, subject, kind and user case-insensitively, beyond ASCII too', async () => {
    const search = async (text: string) => (await historian.queryJournal({ text, limit: 100 })).entries.map((e) => e.id);
    expect(await search('überdruck')).toEqual([5]);
    expect(await search('JÜRGEN')).toEqual([2]);
    expect(await search('pump2.trip')).toEqual([3]);
    expect(await search('tank 1 level')).toEqual([4, 2, 1]);
    expect(await search('%')).toEqual([1]);
    expect(await search('no such thing')).toEqual([]);
  });

  it('filters by range (from inclusive, to exclusive) and by kind, subject and user', async () => {
    const ids = async (query: Parameters<Historian['queryJournal']>[0]) => (await historian.queryJournal(query)).entries.map((e) => e.id);
    expect(await ids({ from: T + 60_000, to: T + 180_000, limit: 10 })).toEqual([3, 2]);
    expect(await ids({ kind: 'raise', limit: 10 })).toEqual([3, 1]);
    expect(await ids({ subject: 'Tank1.HighLevel', user: 'ana', limit: 10 })).toEqual([5]);
  });

  it('says when the limit cut the answer, and pages the audit trail in stored order for a chain check', async () => {
    const newest = await historian.queryAudit({ limit: 3 });
    expect(newest.truncated).toBe(true);
    expect(newest.entries.map((e) => (e.payload as { seq: number }).seq)).toEqual([25, 24, 23]);
    const walked: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = await historian.queryAudit({ order: 'stored', afterId, limit: 10 });
      walked.push(...page.entries.map((e) => (e.payload as { seq: number }).seq));
      if (!page.truncated) break;
      afterId = page.entries.at(-1)!.id;
    }
    expect(walked).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await historian.queryAudit({ user: 'bo', kind: 'login', limit: 10 })).entries.map((e) => e.text)).toEqual(['record 20', 'record 10']);
  });

  it('rejects a bad entry or query naming the field, and stores nothing for it', async () => {
    await expect(historian.appendJournal({ time: Number.NaN, kind: '' })).rejects.toThrow(/^appendJournal: time: .*; kind: /);
    await expect(historian.appendAudit({ time: T, kind: 'write', payload: { big: 10n } })).rejects.toThrow(/^appendAudit: payload: cannot be stored as JSON/);
    await expect(historian.appendJournal({ time: T, kind: 'raise', extra: 1 } as never)).rejects.toThrow(/^appendJournal: entry: Unrecognized key/);
    await expect(historian.queryJournal({ limit: 0 })).rejects.toThrow(/^queryJournal: limit: /);
    expect((await historian.queryJournal({ limit: 100 })).entries).toHaveLength(5);
    expect((await historian.queryAudit({ limit: 100 })).entries).toHaveLength(25);
  });
});
