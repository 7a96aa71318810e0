import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Historian, type HistorianOptions } from '../../main/historian/historian.js';
import { RETENTION_CHUNK_ROWS } from '../../main/historian/retention.js';
import { ROLLUP_LEVELS_MS } from '../../main/historian/rollup-plan.js';
import type { BucketSeries, RawSeries } from '../../main/historian/worker-protocol.js';
import { historianWorkerEntry, tempDir } from './historian-support.js';

const HOUR = 3_600_000;
const NOW = Date.now();
const BASE = Math.floor((NOW - 6 * HOUR) / HOUR) * HOUR;
const END = BASE + 6 * HOUR;
const TAGS = [
  { id: 'ret/Fast', periodMs: 100 },
  { id: 'ret/Slow', periodMs: 1000 },
];

/** Sample times of a tag in [from, to). */
function times(periodMs: number, from: number, to: number): number {
  const first = Math.max(BASE, Math.ceil((from - BASE) / periodMs) * periodMs + BASE);
  const last = Math.min(END, to);
  return first >= last ? 0 : Math.ceil((last - first) / periodMs);
}

describe('historian retention', () => {
  const folders = [tempDir('historian-retention-age'), tempDir('historian-retention-size')];
  const [byAge, bySize] = folders.map((f) => f.dir) as [string, string];
  let workerEntry: string;
  const open = (dir: string, extra: Partial<HistorianOptions> = {}) => new Historian({ dir, workerEntry, flushIntervalMs: 100_000, ...extra });
  const raw = async (historian: Historian, tagId: string, from: number, to: number) =>
    ((await historian.readSeries({ tagIds: [tagId], from, to, buckets: 0, rawLimit: 1_000_000, exact: false })) as RawSeries[])[0]!;

  /** Six hours of both tags, ten journal and ten audit entries an hour apart. */
  const fill = async (dir: string) => {
    const historian = open(dir);
    const keys = historian.registerTags(TAGS.map((t) => t.id));
    for (let minute = BASE; minute < END; minute += 60_000) {
      TAGS.forEach(({ periodMs }, i) => {
        for (let t = minute; t < minute + 60_000; t += periodMs) historian.append(keys[i]!, t, Math.sin(t / 100_000), 0);
      });
      void historian.flush();
    }
    for (let k = 0; k < 10; k++) {
      await historian.appendJournal({ time: NOW - (10 - k) * HOUR, kind: 'raise', subject: `alarm${k}`, text: `entry ${k}` });
      await historian.appendAudit({ time: NOW - (10 - k) * HOUR, kind: 'write', subject: 'ret/Fast', user: 'op', text: `audit ${k}` });
    }
    await historian.dispose();
  };

  beforeAll(async () => {
    workerEntry = await historianWorkerEntry();
    await Promise.all([fill(byAge), fill(bySize)]);
  });

  afterAll(() => folders.forEach((f) => f.remove()));

  it('by age: deletes whole hours older than the limit in small transactions, keeps the rest, batches run in between', async () => {
    const historian = open(byAge, { retention: { maxAgeMs: 2.5 * HOUR, journalMaxAgeMs: 4.5 * HOUR } });
    // The writer reads its own clock: do not start within seconds of the moment its cutoff moves to the next hour.
    const untilCutoffMoves = HOUR - ((Date.now() - 2.5 * HOUR) % HOUR);
    if (untilCutoffMoves < 10_000) await new Promise((resolve) => setTimeout(resolve, untilCutoffMoves + 100));
    const cutoff = Math.floor((Date.now() - 2.5 * HOUR) / HOUR) * HOUR;
    const [key] = historian.registerTags(['ret/Fast']);
    const order: string[] = [];
    const retention = historian.enforceRetention().then((result) => (order.push('retention'), result));
    historian.append(key!, END + 1000, 1, 0);
    const flushed = historian.flush().then(() => order.push('batch'));
    const [result] = await Promise.all([retention, flushed]);
    // The batch sent after retention began was committed before it ended: retention left the writer free between chunks.
    expect(order).toEqual(['batch', 'retention']);
    const expectedDeleted = TAGS.reduce((n, t) => n + times(t.periodMs, BASE, cutoff), 0);
    expect(result.samplesDeleted).toBe(expectedDeleted);
    expect(expectedDeleted).toBeGreaterThan(5 * RETENTION_CHUNK_ROWS);
    // The fast tag's 1 s cells alone take more than one chunk: rollups too are cut in steps.
    expect(result.rollupsDeleted).toBeGreaterThan(RETENTION_CHUNK_ROWS);
    // Journal entries 10 h to 5 h old go; 4 h to 1 h old stay. The audit trail is never deleted here.
    expect(result.journalDeleted).toBe(6);
    for (const { id, periodMs } of TAGS) {
      expect((await raw(historian, id, 0, cutoff)).time.length, id).toBe(0);
      expect((await raw(historian, id, cutoff, END)).time.length, id).toBe(times(periodMs, cutoff, END));
      // The rollups left agree with the samples left: exact hourly buckets count every remaining sample.
      const [hourly] = (await historian.readSeries({ tagIds: [id], from: cutoff, to: END, buckets: (END - cutoff) / HOUR, rawLimit: 0, exact: true })) as BucketSeries[];
      expect(Array.from(hourly!.rows.count), id).toEqual(Array.from({ length: (END - cutoff) / HOUR }, (_, h) => times(periodMs, cutoff + h * HOUR, cutoff + (h + 1) * HOUR)));
      expect(hourly!.plan.some((g) => g.levelMs === HOUR), id).toBe(true);
    }
    const journal = await historian.queryJournal({ limit: 100 });
    expect(journal.entries.map((e) => e.subject)).toEqual(['alarm9', 'alarm8', 'alarm7', 'alarm6']);
    expect((await historian.queryAudit({ limit: 100 })).entries).toHaveLength(10);
    await historian.dispose();
    const db = new Database(path.join(byAge, 'history.db'), { readonly: true });
    for (const level of ROLLUP_LEVELS_MS) {
      expect(db.prepare('SELECT count(*) AS n FROM rollups WHERE level = ? AND cell * level < ?').get(level, cutoff), `level ${level}`).toEqual({ n: 0 });
    }
    db.close();
  });

  it('by size: deletes the oldest hours until the pages in use fit, keeps the newest', async () => {
    const before = open(bySize);
    const inUse = (await before.enforceRetention()).bytesInUse;
    await before.dispose();
    const maxBytes = Math.floor(inUse / 2);
    const historian = open(bySize, { retention: { maxBytes } });
    const result = await historian.enforceRetention();
    expect(result.bytesInUse).toBeLessThanOrEqual(maxBytes);
    expect(result.samplesDeleted).toBeGreaterThan(0);
    for (const { id, periodMs } of TAGS) {
      const left = await raw(historian, id, 0, END + HOUR);
      const oldest = left.time[0]!;
      expect(oldest % HOUR, `${id} starts on an hour`).toBe(0);
      expect(left.time.length, id).toBe(times(periodMs, oldest, END));
      expect(oldest).toBeLessThanOrEqual(END - HOUR);
    }
    await historian.dispose();
  });
});
