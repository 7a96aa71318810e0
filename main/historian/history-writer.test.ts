import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryWriter } from './history-writer.js';
import { BLOCK_SPAN_MS, SampleBlockReader } from './sample-blocks.js';
import { migrate } from './schema.js';

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
