import type Database from 'better-sqlite3';

/**
 * Samples are stored in blocks: one row holds up to BLOCK_MAX_SAMPLES of one tag's
 * samples, packed. A row per sample cost a B-tree insert each (about half the
 * station's CPU at 60,000 values a second) and about 30 bytes; a block costs one
 * insert or update per tag per batch and 10 to 14 bytes a sample.
 *
 * A block never crosses the BLOCK_SPAN_MS grid. That bounds a range query (a
 * block holding a time in range starts at most one span before it) and lets
 * retention, which cuts at whole hours, delete whole blocks only.
 */
export const BLOCK_SPAN_MS = 60_000;
/** A block grows in place while it is the tag's newest; past this a new one starts, so a rewrite stays a few pages. */
export const BLOCK_MAX_SAMPLES = 256;

const VALUE_BYTES = 8;
// A block's samples lie in one BLOCK_SPAN_MS window, so an offset from its first sample fits 16 bits.
const OFFSET_BYTES = 2;
const STATUS_BYTES = 4;
/** A block whose samples' statuses differ; one whose statuses are all alike stores it once. */
export const MAX_BYTES_PER_SAMPLE = VALUE_BYTES + OFFSET_BYTES + STATUS_BYTES;
// Schema version 5 wrote 32-bit offsets and every status; such blocks are read, never written.
const V5_OFFSET_BYTES = 4;

/** One tag's samples in time order, as plain columns. */
export interface SampleColumns {
  readonly time: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  readonly status: ArrayLike<number>;
}

export function blockWindow(time: number): number {
  return Math.floor(time / BLOCK_SPAN_MS);
}

/** Where a block's columns lie: the layout is told by its size alone (see decodeBlock). */
interface Layout {
  readonly offsetBytes: number;
  /** 0: one status, for every sample. */
  readonly statusStride: number;
}

function sizeOf(count: number, { offsetBytes, statusStride }: Layout): number {
  return count * (VALUE_BYTES + offsetBytes + statusStride) + (statusStride === 0 ? STATUS_BYTES : 0);
}

/**
 * Values as float64 (NaN kept), then times as uint16 ms after the block's first
 * sample, then the status codes as uint32, or one of them when all are alike
 * (a healthy tag's are: 10 bytes a sample instead of 14). The columns' times
 * are whole ms in one window. Given `into` (SQLite copies a bound blob, so one
 * buffer serves every block), the block is a view of it.
 */
export function encodeBlock(columns: SampleColumns, into?: Buffer): Buffer {
  const count = columns.time.length;
  const { status } = columns;
  let alike = true;
  for (let i = 1; i < count && alike; i++) alike = status[i]! >>> 0 === status[0]! >>> 0;
  const layout = { offsetBytes: OFFSET_BYTES, statusStride: alike ? 0 : STATUS_BYTES };
  const size = sizeOf(count, layout);
  const bytes = into === undefined ? Buffer.alloc(size) : into.subarray(0, size);
  // A DataView, as decodeBlock reads it: Buffer's write methods check every offset and cost the writer a tenth of its time.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = columns.time[0]!;
  const statusAt = count * (VALUE_BYTES + OFFSET_BYTES);
  for (let i = 0; i < count; i++) {
    view.setFloat64(i * VALUE_BYTES, columns.value[i]!, true);
    view.setUint16(count * VALUE_BYTES + i * OFFSET_BYTES, columns.time[i]! - first, true);
    if (!alike) view.setUint32(statusAt + i * STATUS_BYTES, status[i]! >>> 0, true);
  }
  if (alike && count > 0) view.setUint32(statusAt, status[0]! >>> 0, true);
  return bytes;
}

export interface DecodedBlock {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Float64Array;
}

// For any count the three sizes differ, except one sample alike or not, where the layouts are the same bytes.
const LAYOUTS: readonly Layout[] = [
  { offsetBytes: OFFSET_BYTES, statusStride: 0 },
  { offsetBytes: OFFSET_BYTES, statusStride: STATUS_BYTES },
  { offsetBytes: V5_OFFSET_BYTES, statusStride: STATUS_BYTES },
];

/** A stored block back as columns; a blob whose size fits no layout for its count is damage, named. */
export function decodeBlock(first: number, count: number, data: Uint8Array): DecodedBlock {
  const layout = LAYOUTS.find((candidate) => sizeOf(count, candidate) === data.byteLength);
  if (!layout) throw new Error(`history block at ${first} holds ${data.byteLength} bytes for ${count} samples`);
  const { offsetBytes, statusStride } = layout;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const time = new Float64Array(count);
  const value = new Float64Array(count);
  const status = new Float64Array(count);
  const offsetAt = count * VALUE_BYTES;
  const statusAt = count * (VALUE_BYTES + offsetBytes);
  for (let i = 0; i < count; i++) {
    value[i] = view.getFloat64(i * VALUE_BYTES, true);
    const offset = offsetBytes === OFFSET_BYTES ? view.getUint16(offsetAt + i * offsetBytes, true) : view.getUint32(offsetAt + i * offsetBytes, true);
    time[i] = first + offset;
    status[i] = view.getUint32(statusAt + i * statusStride, true);
  }
  return { time, value, status };
}

type BlockRow = [first: number, count: number, data: Uint8Array];

/**
 * Reads one tag's samples in [from, to), in time order, from its blocks and from
 * the rows a version-3 database kept one per sample (read, never converted: the
 * old rows age out with retention).
 */
export class SampleBlockReader {
  private readonly blocks: Database.Statement;
  private readonly rows: Database.Statement;
  private readonly latestFirst: Database.Statement;
  private readonly latestLast: Database.Statement;
  private readonly latestRow: Database.Statement;

  constructor(db: Database.Database) {
    this.blocks = db.prepare('SELECT first, count, data FROM sample_blocks WHERE tag_id = ? AND first > ? AND first < ? AND last >= ? ORDER BY first').raw(true);
    this.rows = db.prepare('SELECT time, value, status FROM samples WHERE tag_id = ? AND time >= ? AND time < ? ORDER BY time LIMIT ?').raw(true);
    this.latestFirst = db.prepare('SELECT max(first) FROM sample_blocks WHERE tag_id = ?').pluck();
    this.latestLast = db.prepare('SELECT max(last) FROM sample_blocks WHERE tag_id = ? AND first >= ?').pluck();
    this.latestRow = db.prepare('SELECT max(time) FROM samples WHERE tag_id = ?').pluck();
  }

  /**
   * The tag's newest sample time (-Infinity: none), in a few index seeks: the
   * block holding it starts in its window, no earlier than a span before the
   * latest-starting block (a late block may start after the newest's block).
   */
  newest(tagId: number): number {
    const first = this.latestFirst.get(tagId) as number | null;
    const blocks = first === null ? null : (this.latestLast.get(tagId, first - BLOCK_SPAN_MS) as number);
    return Math.max(blocks ?? Number.NEGATIVE_INFINITY, (this.latestRow.get(tagId) as number | null) ?? Number.NEGATIVE_INFINITY);
  }

  /**
   * At most `limit` + 1 samples when a limit is given (enough to tell the caller it was
   * cut): blocks come in order of their first time, so once that many are in hand
   * a block starting after all of them cannot hold an earlier one.
   */
  range(tagId: number, from: number, to: number, limit = Number.POSITIVE_INFINITY): DecodedBlock {
    const parts: DecodedBlock[] = [];
    let held = 0;
    let latest = Number.NEGATIVE_INFINITY;
    for (const [first, count, data] of this.blocks.iterate(tagId, from - BLOCK_SPAN_MS, to, from) as IterableIterator<BlockRow>) {
      if (held > limit && first > latest) break;
      const part = decodeBlock(first, count, data);
      parts.push(part);
      for (const t of part.time) {
        if (t < from || t >= to) continue;
        held++;
        latest = Math.max(latest, t);
      }
    }
    const legacy = this.rows.all(tagId, from, to, Number.isFinite(limit) ? limit + 1 : -1) as [number, number | null, number][];
    if (legacy.length > 0) {
      parts.push({ time: Float64Array.from(legacy, (r) => r[0]), value: Float64Array.from(legacy, (r) => r[1] ?? Number.NaN), status: Float64Array.from(legacy, (r) => r[2]) });
    }
    const found = inTimeOrder(parts, from, to);
    if (!(found.time.length > limit + 1)) return found;
    return { time: found.time.slice(0, limit + 1), value: found.value.slice(0, limit + 1), status: found.status.slice(0, limit + 1) };
  }
}

/** The parts' samples in [from, to), sorted by time; blocks written late (a server resending its queue) may interleave. */
function inTimeOrder(parts: readonly DecodedBlock[], from: number, to: number): DecodedBlock {
  let total = 0;
  let sorted = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    for (const t of part.time) {
      if (t < from || t >= to) continue;
      if (t < previous) sorted = false;
      previous = t;
      total++;
    }
  }
  const out = { time: new Float64Array(total), value: new Float64Array(total), status: new Float64Array(total) };
  let k = 0;
  for (const part of parts) {
    for (let i = 0; i < part.time.length; i++) {
      const t = part.time[i]!;
      if (t < from || t >= to) continue;
      out.time[k] = t;
      out.value[k] = part.value[i]!;
      out.status[k] = part.status[i]!;
      k++;
    }
  }
  return sorted ? out : sortByTime(out);
}

function sortByTime(columns: DecodedBlock): DecodedBlock {
  const order = Array.from(columns.time.keys()).sort((a, b) => columns.time[a]! - columns.time[b]! || a - b);
  return {
    time: Float64Array.from(order, (i) => columns.time[i]!),
    value: Float64Array.from(order, (i) => columns.value[i]!),
    status: Float64Array.from(order, (i) => columns.status[i]!),
  };
}
