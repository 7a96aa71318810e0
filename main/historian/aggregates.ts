import { qualityOf } from '../../shared/status-code.js';

/**
 * Rows of first / min / max / last (each with time, value and status), count,
 * good count and sum, as columns: one row per rollup cell or per bucket.
 * The same merge rules serve the writer (samples into cells, finer cells
 * into coarser ones) and the reader (cells and samples into buckets), so the
 * two agree by construction:
 * - first and last: the earliest and latest sample, whatever its status;
 * - min and max: over good and uncertain samples with a finite value (a bad
 *   sample's value is whatever the server left there, and an infinity cannot
 *   be drawn or summed); ties go to the earlier sample;
 * - sum and good: over the same samples as min and max, so avg = sum / good.
 * A row with good = 0 has no min or max (NaN time).
 */
export const AGGREGATE_FIELDS = ['count', 'good', 'sum', 'firstT', 'firstV', 'firstS', 'minT', 'minV', 'minS', 'maxT', 'maxV', 'maxS', 'lastT', 'lastV', 'lastS'] as const;
export type AggregateField = (typeof AGGREGATE_FIELDS)[number];

/** The columns alone: what crosses from the reader thread (structured clone keeps typed arrays, not classes). */
export type AggregateColumns = { length: number } & Record<AggregateField, Float64Array>;

export class Aggregates implements AggregateColumns {
  length = 0;
  count = new Float64Array(0);
  good = new Float64Array(0);
  sum = new Float64Array(0);
  firstT = new Float64Array(0);
  firstV = new Float64Array(0);
  firstS = new Float64Array(0);
  minT = new Float64Array(0);
  minV = new Float64Array(0);
  minS = new Float64Array(0);
  maxT = new Float64Array(0);
  maxV = new Float64Array(0);
  maxS = new Float64Array(0);
  lastT = new Float64Array(0);
  lastV = new Float64Array(0);
  lastS = new Float64Array(0);

  constructor(capacity = 64) {
    this.resize(capacity);
  }

  /** A new empty row; its index. */
  add(): number {
    if (this.length === this.count.length) this.grow();
    const i = this.length++;
    this.empty(i);
    return i;
  }

  /** Row `i` as if it had taken no sample, to be used again. */
  empty(i: number): void {
    this.count[i] = 0;
    this.good[i] = 0;
    this.sum[i] = 0;
    this.minT[i] = Number.NaN;
    this.maxT[i] = Number.NaN;
  }

  /** `length` empty rows, for buckets addressed by index. */
  reset(length: number): void {
    this.length = 0;
    for (let i = 0; i < length; i++) this.add();
  }

  addSample(i: number, time: number, value: number, status: number): void {
    const usable = Number.isFinite(value) && qualityOf(status) !== 'bad';
    this.mergeFirstLast(i, time, value, status, time, value, status, 1);
    if (usable) this.mergeGood(i, 1, value, time, value, status, time, value, status);
  }

  /** Merges row `j` of `other` into row `i`. */
  addRow(i: number, other: Aggregates, j: number): void {
    this.mergeFirstLast(i, other.firstT[j]!, other.firstV[j]!, other.firstS[j]!, other.lastT[j]!, other.lastV[j]!, other.lastS[j]!, other.count[j]!);
    const good = other.good[j]!;
    if (good > 0) this.mergeGood(i, good, other.sum[j]!, other.minT[j]!, other.minV[j]!, other.minS[j]!, other.maxT[j]!, other.maxV[j]!, other.maxS[j]!);
  }

  /** Merges a stored cell (times already absolute; min/max time NaN when it had no good sample). */
  addCell(i: number, count: number, good: number, sum: number, firstT: number, firstV: number, firstS: number, minT: number, minV: number, minS: number, maxT: number, maxV: number, maxS: number, lastT: number, lastV: number, lastS: number): void {
    this.mergeFirstLast(i, firstT, firstV, firstS, lastT, lastV, lastS, count);
    if (good > 0) this.mergeGood(i, good, sum, minT, minV, minS, maxT, maxV, maxS);
  }

  private mergeFirstLast(i: number, firstT: number, firstV: number, firstS: number, lastT: number, lastV: number, lastS: number, count: number): void {
    const empty = this.count[i] === 0;
    if (empty || firstT < this.firstT[i]!) {
      this.firstT[i] = firstT;
      this.firstV[i] = firstV;
      this.firstS[i] = firstS;
    }
    if (empty || lastT > this.lastT[i]!) {
      this.lastT[i] = lastT;
      this.lastV[i] = lastV;
      this.lastS[i] = lastS;
    }
    this.count[i] = this.count[i]! + count;
  }

  private mergeGood(i: number, good: number, sum: number, minT: number, minV: number, minS: number, maxT: number, maxV: number, maxS: number): void {
    const none = this.good[i] === 0;
    if (none || minV < this.minV[i]! || (minV === this.minV[i] && minT < this.minT[i]!)) {
      this.minT[i] = minT;
      this.minV[i] = minV;
      this.minS[i] = minS;
    }
    if (none || maxV > this.maxV[i]! || (maxV === this.maxV[i] && maxT < this.maxT[i]!)) {
      this.maxT[i] = maxT;
      this.maxV[i] = maxV;
      this.maxS[i] = maxS;
    }
    this.good[i] = this.good[i]! + good;
    this.sum[i] = this.sum[i]! + sum;
  }

  /** The rows that took at least one sample, ascending: the buckets worth drawing. */
  nonEmpty(): number[] {
    const rows: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.count[i]! > 0) rows.push(i);
    return rows;
  }

  /** Rows `rows` (in that order) as trimmed columns, e.g. only the non-empty buckets. */
  pick(rows: readonly number[]): AggregateColumns {
    const out = { length: rows.length } as AggregateColumns;
    for (const field of AGGREGATE_FIELDS) {
      const source = this[field];
      const column = new Float64Array(rows.length);
      // A plain loop: Float64Array.from with a mapping function costs several times more.
      for (let i = 0; i < rows.length; i++) column[i] = source[rows[i]!]!;
      out[field] = column;
    }
    return out;
  }

  private grow(): void {
    this.resize(Math.max(64, this.count.length * 2));
  }

  private resize(capacity: number): void {
    for (const field of AGGREGATE_FIELDS) {
      const next = new Float64Array(capacity);
      next.set(this[field].subarray(0, Math.min(this.length, capacity)));
      this[field] = next;
    }
  }
}
