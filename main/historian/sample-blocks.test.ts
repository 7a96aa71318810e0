import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BLOCK_SPAN_MS, decodeBlock, encodeBlock, MAX_BYTES_PER_SAMPLE, SampleBlockReader } from './sample-blocks.js';
import { migrate } from './schema.js';

const T0 = 1_700_000_040_000; // on the block grid

function database() {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare("INSERT INTO tags (id, name) VALUES (1, 'a/T')").run();
  const insert = db.prepare('INSERT INTO sample_blocks (tag_id, first, last, count, data) VALUES (1, ?, ?, ?, ?)');
  const block = (time: number[], value = time.map((t) => t - T0)) => insert.run(time[0], time[time.length - 1], time.length, encodeBlock({ time, value, status: time.map(() => 0) }));
  return { db, block, reader: new SampleBlockReader(db) };
}

describe('sample blocks', () => {
  it('round-trips times, values (NaN and infinities kept) and differing status codes in 14 bytes a sample', () => {
    const columns = { time: [T0, T0 + 7, T0 + 59_999], value: [1.25, Number.NaN, Number.NEGATIVE_INFINITY], status: [0, 0x80310000, 0x40000000] };
    const data = encodeBlock(columns);
    expect(data.byteLength).toBe(3 * 14);
    const back = decodeBlock(T0, 3, data);
    expect(Array.from(back.time)).toEqual(columns.time);
    expect(Array.from(back.value)).toEqual(columns.value);
    expect(Array.from(back.status)).toEqual(columns.status);
    // A copy at an odd offset, as SQLite may hand a blob back.
    const shifted = Buffer.alloc(data.byteLength + 1);
    data.copy(shifted, 1);
    expect(Array.from(decodeBlock(T0, 3, shifted.subarray(1)).value)).toEqual(columns.value);
  });

  it('stores a status shared by every sample once: 10 bytes a sample and 4 a block', () => {
    for (const status of [0, 0x80310000]) {
      const columns = { time: [T0, T0 + 10, T0 + 59_999, T0 + 59_999], value: [1, 2, 3, 4], status: [status, status, status, status] };
      const data = encodeBlock(columns);
      expect(data.byteLength).toBe(4 * 10 + 4);
      const back = decodeBlock(T0, 4, data);
      expect(Array.from(back.time)).toEqual(columns.time);
      expect(Array.from(back.value)).toEqual(columns.value);
      expect(Array.from(back.status)).toEqual(columns.status);
    }
    const one = decodeBlock(T0 + 5, 1, encodeBlock({ time: [T0 + 5], value: [7], status: [0x40000000] }));
    expect([one.time[0], one.value[0], one.status[0]]).toEqual([T0 + 5, 7, 0x40000000]);
  });

  it('reads blocks as schema version 5 wrote them: 32-bit offsets and every status', () => {
    const count = 3;
    const v5 = new DataView(new ArrayBuffer(count * 16));
    [1.5, -2, 3].forEach((v, i) => v5.setFloat64(i * 8, v, true));
    [0, 250, 59_999].forEach((offset, i) => v5.setUint32(count * 8 + i * 4, offset, true));
    [0, 0, 0x80310000].forEach((status, i) => v5.setUint32(count * 12 + i * 4, status, true));
    const back = decodeBlock(T0, count, new Uint8Array(v5.buffer));
    expect(Array.from(back.time)).toEqual([T0, T0 + 250, T0 + 59_999]);
    expect(Array.from(back.value)).toEqual([1.5, -2, 3]);
    expect(Array.from(back.status)).toEqual([0, 0, 0x80310000]);
  });

  it('encodes into a shared buffer, and SQLite keeps its own copy of each block bound from it', () => {
    const { db, reader } = database();
    const insert = db.prepare('INSERT INTO sample_blocks (tag_id, first, last, count, data) VALUES (1, ?, ?, ?, ?)');
    const shared = Buffer.alloc(4 * MAX_BYTES_PER_SAMPLE);
    const first = encodeBlock({ time: [T0, T0 + 10], value: [1, 2], status: [0, 0] }, shared);
    expect(first.byteLength).toBe(2 * 10 + 4);
    insert.run(T0, T0 + 10, 2, first);
    insert.run(T0 + 20, T0 + 50, 3, encodeBlock({ time: [T0 + 20, T0 + 30, T0 + 50], value: [3, 4, 5], status: [0, 0, 0] }, shared));
    const back = reader.range(1, T0, T0 + BLOCK_SPAN_MS);
    expect(Array.from(back.time).map((t) => t - T0)).toEqual([0, 10, 20, 30, 50]);
    expect(Array.from(back.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('names a blob whose size disagrees with its count', () => {
    expect(() => decodeBlock(T0, 4, Buffer.alloc(48))).toThrow(`history block at ${T0} holds 48 bytes for 4 samples`);
  });

  it('reads a range across blocks, legacy rows and a block written late, in time order and cut at both ends', () => {
    const { db, block, reader } = database();
    block([T0, T0 + 10, T0 + 20, T0 + 40]);
    block([T0 + BLOCK_SPAN_MS, T0 + BLOCK_SPAN_MS + 5]);
    block([T0 + 15, T0 + 30]); // a resend that filled gaps, stored after the block it falls inside
    db.prepare('INSERT INTO samples VALUES (1, ?, 99, 0)').run(T0 - 5); // a row a version-3 Tidewatch wrote
    const all = reader.range(1, T0 - 10, T0 + 2 * BLOCK_SPAN_MS);
    expect(Array.from(all.time).map((t) => t - T0)).toEqual([-5, 0, 10, 15, 20, 30, 40, BLOCK_SPAN_MS, BLOCK_SPAN_MS + 5]);
    expect(Array.from(all.value)).toEqual([99, 0, 10, 15, 20, 30, 40, BLOCK_SPAN_MS, BLOCK_SPAN_MS + 5]);
    const cut = reader.range(1, T0 + 10, T0 + BLOCK_SPAN_MS);
    expect(Array.from(cut.time).map((t) => t - T0)).toEqual([10, 15, 20, 30, 40]);
    // A block starting before the range, with samples in it, is found.
    expect(Array.from(reader.range(1, T0 + 35, T0 + 45).time).map((t) => t - T0)).toEqual([40]);
    expect(reader.range(2, T0, T0 + BLOCK_SPAN_MS).time.length).toBe(0);
  });

  it('stops reading once it holds one more than the limit, the earliest ones whatever the order stored', () => {
    const { block, reader } = database();
    block([T0, T0 + 20]);
    block([T0 + 10, T0 + 30]);
    block([T0 + BLOCK_SPAN_MS, T0 + BLOCK_SPAN_MS + 1]);
    expect(Array.from(reader.range(1, T0, T0 + 3 * BLOCK_SPAN_MS, 2).time).map((t) => t - T0)).toEqual([0, 10, 20]);
    expect(reader.range(1, T0, T0 + 3 * BLOCK_SPAN_MS, 10).time.length).toBe(6);
  });
});
