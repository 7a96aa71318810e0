import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryReader } from './history-reader.js';
import { HistoryWriter } from './history-writer.js';
import { BLOCK_SPAN_MS, SampleBlockReader } from './sample-blocks.js';
import { migrate } from './schema.js';
import type { BucketSeries } from './worker-protocol.js';

const T0 = 1_700_000_040_000; // on the block grid

/** One batch of a single tag (session key 0): `count` samples `periodMs` apart from `from`. */
function batch(from: number, count: number, periodMs: number) {
  const time = Float64Array.from({ length: count }, (_, i) => from + i * periodMs);
  return { count, tag: new Uint32Array(count), time, value: time.map((t) => t - T0), status: new Uint32Array(count) };
}

function writer() {
  const db = new Database(':memory:');
  migrate(db);
  const history = new HistoryWriter(db);
  history.addTags(0, ['plant/T']);
  const blocks = () => (db.prepare('SELECT count FROM sample_blocks ORDER BY first').pluck().all() as number[]);
  return { history, blocks, reader: new SampleBlockReader(db) };
}

describe('HistoryWriter blocks', () => {
  it('extends a fast tag\'s block only while the batch brings as much as it holds, and keeps every sample', () => {
    const { history, blocks, reader } = writer();
    // 100 Hz in 1 s batches: 100, then 100 more into the same block, then a new block.
    for (let s = 0; s < 5; s++) history.writeBatch(batch(T0 + s * 1000, 100, 10));
    expect(blocks()).toEqual([200, 200, 100]);
    const back = reader.range(1, T0, T0 + BLOCK_SPAN_MS);
    expect(back.time.length).toBe(500);
    expect(Array.from(back.time).every((t, i) => t === T0 + i * 10)).toBe(true);
  });

  it('still packs a slow tag\'s samples into blocks of many', () => {
    const { history, blocks, reader } = writer();
    for (let s = 0; s < 59; s++) history.writeBatch(batch(T0 + s * 1000, 1, 1000));
    expect(blocks()).toEqual([59]);
    expect(reader.range(1, T0, T0 + BLOCK_SPAN_MS).time.length).toBe(59);
  });
});

describe('HistoryWriter rollups', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A file, so a reader can look on its own connection as the app's does; `restart` drops the writer's memory. */
  function store() {
    const dir = mkdtempSync(path.join(tmpdir(), 'history-writer-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'history.db'));
    migrate(db);
    const start = () => {
      const history = new HistoryWriter(db);
      history.addTags(0, ['plant/T']);
      return history;
    };
    const reader = new HistoryReader(new Database(path.join(dir, 'history.db')));
    /** Count and sum per exact 5 s bucket of [from, to), as a CSV export asks. */
    const fiveSecond = (from: number, to: number) => {
      const [series] = reader.series({ tagIds: ['plant/T'], from, to, buckets: (to - from) / 5000, rawLimit: 0, exact: true }) as BucketSeries[];
      return Array.from(series!.bucket, (b, i) => [from + b * 5000 - T0, series!.rows.count[i], series!.rows.sum[i]]);
    };
    const stored5s = () => db.prepare('SELECT cell * level - ? AS at, count, sum FROM rollups WHERE level = 5000 ORDER BY cell').raw(true).all(T0);
    return { db, start, fiveSecond, stored5s };
  }
  /** 100 Hz, value = ms since T0: a 5 s cell from `at` holds 500 samples summing to this. */
  const cellSum = (at: number) => 500 * at + 10 * ((499 * 500) / 2);

  it('writes a coarse cell once it closes, whole even when the app restarted inside it; queries read the open one from finer cells', () => {
    const { start, fiveSecond, stored5s } = store();
    let history = start();
    // Half-second batches; the restart falls in the middle of the 10-15 s cell.
    for (let at = 0; at < 30_000; at += 500) {
      if (at === 12_500) history = start();
      history.writeBatch(batch(T0 + at, 50, 10));
    }
    // Levels are kept from the cell after the first batch: 5 s cells from 5 s on. The 25-30 s cell is still open.
    expect(stored5s()).toEqual([5_000, 10_000, 15_000, 20_000].map((at) => [at, 500, cellSum(at)]));
    expect(fiveSecond(T0 + 5_000, T0 + 30_000)).toEqual([5_000, 10_000, 15_000, 20_000, 25_000].map((at) => [at, 500, cellSum(at)]));
  });

  it('counts a late sample in the closed cell it belongs to', () => {
    const { db, start, stored5s } = store();
    const history = start();
    for (let at = 0; at < 20_000; at += 1000) history.writeBatch(batch(T0 + at, 100, 10));
    const late = { count: 1, tag: new Uint32Array(1), time: Float64Array.of(T0 + 7_005), value: Float64Array.of(1e6), status: new Uint32Array(1) };
    history.writeBatch(late);
    history.writeBatch(batch(T0 + 20_000, 100, 10));
    expect(stored5s()[0]).toEqual([5_000, 501, cellSum(5_000) + 1e6]);
    expect(db.prepare('SELECT count(*) FROM rollups WHERE level = 5000').pluck().get()).toBe(3);
  });

  it('keeps nothing of a batch that failed: sent again, its samples are counted once', () => {
    const { db, start, stored5s } = store();
    const history = start();
    for (let at = 0; at < 7_000; at += 1000) history.writeBatch(batch(T0 + at, 100, 10));
    // The disk fills as the 5-10 s cell closes, after the batch's part of it was summed.
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON rollups WHEN NEW.level = 5000 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => history.writeBatch(batch(T0 + 7_000, 400, 10))).toThrow('disk full');
    db.exec('DROP TRIGGER full_disk');
    history.writeBatch(batch(T0 + 7_000, 400, 10));
    expect(stored5s()).toEqual([[5_000, 500, cellSum(5_000)]]);
  });
});
