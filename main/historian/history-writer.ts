import type Database from 'better-sqlite3';
import { Aggregates } from './aggregates.js';
import { ENABLE_LEVEL_AT_SAMPLES, ROLLUP_LEVELS_MS, sourceOf, writtenThrough } from './rollup-plan.js';
import { mergeRollupRow, rollupParams, SELECT_ROLLUPS_SQL, selectParams, WRITE_ROLLUP_SQL, type RollupRow } from './rollup-sql.js';
import { groupByTag } from './group-by-tag.js';
import { OpenCells } from './open-cells.js';
import { BLOCK_MAX_SAMPLES, blockWindow, encodeBlock, MAX_BYTES_PER_SAMPLE, SampleBlockReader } from './sample-blocks.js';
import type { BatchColumns, BatchResult } from './worker-protocol.js';

const FINEST_MS = ROLLUP_LEVELS_MS[0];
/** An open block this small is always worth extending, so a slow tag's blocks still hold many samples. */
const SMALL_BLOCK_SAMPLES = 64;

/**
 * Extending rewrites the whole block. A fast tag's block is extended only while
 * it holds no more than the batch brings, so each sample is written about 1.5
 * times rather than 2.2 (100 Hz in 1 s batches), and the commit writes that
 * much less.
 */
function worthExtending(openSamples: number, newSamples: number): boolean {
  return openSamples < BLOCK_MAX_SAMPLES && openSamples <= Math.max(newSamples, SMALL_BLOCK_SAMPLES);
}

/** One tag's samples: whole-ms times; about to be written, in time order. */
interface TagSamples {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Uint32Array;
}

/** The tags with new samples in a batch, in order: each one's newest time before it, and its run of finest cells [firstRow[r], firstRow[r + 1]). */
interface TagRuns {
  readonly ids: number[];
  readonly before: number[];
  readonly firstRow: number[];
}

/** A tag's newest block, kept in memory so the next batch extends it instead of starting another. */
interface OpenBlock extends TagSamples {
  readonly rowId: number;
  readonly window: number;
}

/**
 * Owns the write side of the store: each batch becomes one transaction with
 * its samples and the rollup cells they touch, so a crash can never leave a
 * rollup that disagrees with the samples it summarises.
 */
export class HistoryWriter {
  /** Session tag key -> database tag id (-1: not yet known). */
  private idOfKey = new Int32Array(0);
  private readonly pendingNames: { key: number; name: string }[] = [];
  /** tag id -> level -> ms from which that level is complete. */
  private readonly since = new Map<number, Map<number, number>>();
  /** Cell sizes seen per (tag, level) before a level is kept: "tagId:level" -> [cell, samples]. */
  private readonly trial = new Map<string, [number, number]>();
  /** tag id -> its newest stored sample time; below it a sample may be a resend, checked against the store. */
  private readonly newest = new Map<number, number>();
  private readonly open = new Map<number, OpenBlock>();
  /** Level -> its cells waiting to close. */
  private readonly openCells = new Map<number, OpenCells>(ROLLUP_LEVELS_MS.map((level) => [level, new OpenCells()]));
  /**
   * A batch's cells of the finest level, and of the level being written: kept
   * from batch to batch, because a writer allocating its working set anew each
   * batch had the worker's heap fully collected every second.
   */
  private readonly fineCells = new Aggregates();
  private readonly levelCells = new Aggregates();
  private readonly blockBytes = Buffer.alloc(BLOCK_MAX_SAMPLES * MAX_BYTES_PER_SAMPLE);
  /** What the running transaction will make true, applied only once it commits. */
  private readonly pendingNewest = new Map<number, number>();
  private readonly pendingOpen = new Map<number, OpenBlock>();
  private readonly stored: SampleBlockReader;
  private readonly insertBlock: Database.Statement;
  private readonly updateBlock: Database.Statement;
  private readonly writeRollup: Database.Statement;
  private readonly rollupRows: Database.Statement;
  private readonly insertTag: Database.Statement;
  private readonly tagIdOf: Database.Statement;
  private readonly insertLevel: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.stored = new SampleBlockReader(db);
    this.insertBlock = db.prepare('INSERT INTO sample_blocks (tag_id, first, last, count, data) VALUES (?, ?, ?, ?, ?)');
    this.updateBlock = db.prepare('UPDATE sample_blocks SET last = ?, count = ?, data = ? WHERE id = ?');
    this.writeRollup = db.prepare(WRITE_ROLLUP_SQL);
    this.rollupRows = db.prepare(SELECT_ROLLUPS_SQL).raw(true);
    this.insertTag = db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)');
    this.tagIdOf = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.insertLevel = db.prepare('INSERT OR REPLACE INTO rollup_levels (tag_id, level, since) VALUES (?, ?, ?)');
    for (const row of db.prepare('SELECT tag_id, level, since FROM rollup_levels').all() as { tag_id: number; level: number; since: number }[]) {
      this.levelsOf(row.tag_id).set(row.level, row.since);
    }
  }

  /** Keys are the session's; ids are written with the next batch so a failed disk loses no registration. */
  addTags(firstKey: number, names: readonly string[]): void {
    const needed = firstKey + names.length;
    if (needed > this.idOfKey.length) {
      const grown = new Int32Array(Math.max(needed, this.idOfKey.length * 2)).fill(-1);
      grown.set(this.idOfKey);
      this.idOfKey = grown;
    }
    names.forEach((name, i) => this.pendingNames.push({ key: firstKey + i, name }));
  }

  /**
   * One transaction. What it teaches us (tag ids, kept levels) is remembered
   * only once it committed: a batch lost to a full disk leaves no belief
   * behind that the database does not share.
   */
  writeBatch(batch: BatchColumns): BatchResult {
    const kept: [tagId: number, level: number, since: number][] = [];
    try {
      const result = this.db.transaction(() => this.writeInTransaction(batch, kept)).immediate();
      this.pendingNames.length = 0;
      for (const [tagId, level, since] of kept) this.levelsOf(tagId).set(level, since);
      for (const [tagId, time] of this.pendingNewest) this.newest.set(tagId, time);
      for (const [tagId, block] of this.pendingOpen) this.open.set(tagId, block);
      return result;
    } catch (error) {
      for (const { key } of this.pendingNames) this.idOfKey[key] = -1;
      for (const cells of this.openCells.values()) cells.forget();
      throw error;
    } finally {
      this.pendingNewest.clear();
      this.pendingOpen.clear();
    }
  }

  private writeInTransaction(batch: BatchColumns, kept: [number, number, number][]): BatchResult {
    for (const { key, name } of this.pendingNames) {
      this.insertTag.run(name);
      this.idOfKey[key] = this.tagIdOf.get(name) as number;
    }
    const groups = groupByTag(batch, (key) => this.idOfKey[key] ?? -1);
    const fine = this.fineCells;
    fine.reset(0);
    const runs: TagRuns = { ids: [], before: [], firstRow: [0] };
    let written = 0;
    let duplicates = 0;
    for (let g = 0; g < groups.ids.length; g++) {
      const id = groups.ids[g]!;
      const [from, to] = [groups.start[g]!, groups.start[g + 1]!];
      const samples = this.newSamples(id, { time: groups.time.subarray(from, to), value: groups.value.subarray(from, to), status: groups.status.subarray(from, to) });
      duplicates += to - from - samples.time.length;
      if (samples.time.length === 0) continue;
      written += samples.time.length;
      runs.ids.push(id);
      runs.before.push(this.newestOf(id));
      this.store(id, samples);
      let c = -1;
      // NaN matches no cell, so the first sample opens one.
      let cell = Number.NaN;
      for (let k = 0; k < samples.time.length; k++) {
        const t = samples.time[k]!;
        const sampleCell = Math.floor(t / FINEST_MS);
        if (sampleCell !== cell) {
          c = fine.add();
          cell = sampleCell;
        }
        fine.addSample(c, t, samples.value[k]!, samples.status[k]!);
      }
      runs.firstRow.push(fine.length);
    }
    // Finest first: a closing cell not held in memory is summed from finer cells this batch has already written.
    for (const level of ROLLUP_LEVELS_MS) this.writeLevel(level, fine, runs, kept);
    return { written, duplicates, rejected: groups.rejected };
  }

  /**
   * The samples of one tag in this batch that the store does not hold yet, in time
   * order. A resent sample (same tag and time: a server republishing after a
   * reconnect) keeps the first copy; only samples at or before the tag's newest
   * stored time need looking up, so a live stream never reads.
   */
  private newSamples(id: number, batch: TagSamples): TagSamples {
    const newest = this.newestOf(id);
    const { time } = batch;
    let ascending = true;
    for (let k = 1; k < time.length && ascending; k++) ascending = time[k]! > time[k - 1]!;
    // A live stream: every time new and in order, so nothing to sort, look up or skip.
    if (ascending && time[0]! > newest) return batch;
    const order = Array.from(time.keys());
    if (!ascending) order.sort((a, b) => time[a]! - time[b]! || a - b);
    const known = time[order[0]!]! <= newest ? this.storedTimes(id, time.filter((t) => t <= newest)) : null;
    const out = { time: new Float64Array(time.length), value: new Float64Array(time.length), status: new Uint32Array(time.length) };
    let n = 0;
    for (const k of order) {
      const t = time[k]!;
      if ((n > 0 && t === out.time[n - 1]) || known?.has(t)) continue;
      out.time[n] = t;
      out.value[n] = batch.value[k]!;
      out.status[n] = batch.status[k]!;
      n++;
    }
    return { time: out.time.subarray(0, n), value: out.value.subarray(0, n), status: out.status.subarray(0, n) };
  }

  /**
   * Samples newer than everything stored extend the tag's open block while it has
   * room in its window; older ones (a resend with gaps filled) go into blocks of
   * their own. A block removed under us (retention) is written anew.
   */
  private store(id: number, samples: TagSamples): void {
    const newest = this.newestOf(id);
    let open = this.pendingOpen.get(id) ?? this.open.get(id);
    let k = 0;
    const n = samples.time.length;
    while (k < n) {
      const window = blockWindow(samples.time[k]!);
      let end = k;
      while (end < n && blockWindow(samples.time[end]!) === window) end++;
      const extend = open !== undefined && open.window === window && samples.time[k]! > newest && worthExtending(open.time.length, end - k) ? open : undefined;
      const room = BLOCK_MAX_SAMPLES - (extend?.time.length ?? 0);
      end = Math.min(end, k + room);
      const block = joined(extend, samples, k, end);
      const last = block.time[block.time.length - 1]!;
      const data = encodeBlock(block, this.blockBytes);
      let rowId = extend !== undefined && this.updateBlock.run(last, block.time.length, data, extend.rowId).changes === 1 ? extend.rowId : -1;
      if (rowId < 0) rowId = Number(this.insertBlock.run(id, block.time[0], last, block.time.length, data).lastInsertRowid);
      if (samples.time[k]! > newest) open = { rowId, window, ...block };
      k = end;
    }
    if (open !== undefined) this.pendingOpen.set(id, open);
    this.pendingNewest.set(id, Math.max(newest, samples.time[n - 1]!));
  }

  /** Which of these times the tag already has: read window by window, so one stray old timestamp does not read a year. */
  private storedTimes(id: number, times: Iterable<number>): Set<number> {
    const spans = new Map<number, [number, number]>();
    for (const t of times) {
      const span = spans.get(blockWindow(t));
      if (span === undefined) {
        spans.set(blockWindow(t), [t, t]);
      } else {
        span[0] = Math.min(span[0], t);
        span[1] = Math.max(span[1], t);
      }
    }
    const known = new Set<number>();
    for (const [from, to] of spans.values()) for (const t of this.stored.range(id, from, to + 1).time) known.add(t);
    return known;
  }

  private newestOf(id: number): number {
    const known = this.pendingNewest.get(id) ?? this.newest.get(id);
    if (known !== undefined) return known;
    const stored = this.stored.newest(id);
    this.newest.set(id, stored);
    return stored;
  }

  /**
   * A cell is written once, when the tag's newest sample passes its end:
   * merging every level's cells with every batch was a third of the writer's work.
   * Until then the batches' parts are summed in memory (OpenCells); a cell not
   * held whole, or reopened by a late sample, is summed from what is stored.
   */
  private writeLevel(level: number, fine: Aggregates, runs: TagRuns, kept: [number, number, number][]): void {
    const cells = this.levelCells;
    cells.reset(0);
    const open = this.openCells.get(level)!;
    for (let r = 0; r < runs.ids.length; r++) {
      const tagId = runs.ids[r]!;
      const before = runs.before[r]!;
      const since = this.since.get(tagId)?.get(level);
      // The reader's rule for what is stored (writtenThrough), so the two agree.
      const through = writtenThrough(level, this.newestOf(tagId));
      const beforeCell = Math.floor(before / level);
      let sawBeforeCell = false;
      let enable = false;
      const end = runs.firstRow[r + 1]!;
      // A tag's fine cells are in time order, so each cell of this level is one run of them.
      for (let j = runs.firstRow[r]!; j < end; ) {
        const cell = Math.floor(fine.firstT[j]! / level);
        const i = cells.add();
        for (; j < end && Math.floor(fine.firstT[j]! / level) === cell; j++) cells.addRow(i, fine, j);
        sawBeforeCell ||= cell === beforeCell;
        if (since === undefined) {
          enable ||= this.tally(tagId, level, cell, cells.count[i]!) >= ENABLE_LEVEL_AT_SAMPLES;
        } else if (cell * level >= since) {
          open.merge(tagId, cell, before < cell * level, cells, i);
          if (closes(cell, level, since, through)) this.closeCell(level, open, tagId, cell);
        }
      }
      // The cell of the tag's newest sample before this batch closes once a later sample arrives, even with none of its own.
      if (!sawBeforeCell && closes(beforeCell, level, since, through)) this.closeCell(level, open, tagId, beforeCell);
      if (enable) kept.push([tagId, level, this.keepLevel(tagId, level)]);
    }
  }

  private closeCell(level: number, open: OpenCells, tagId: number, cell: number): void {
    const held = open.close(tagId, cell, (sums, row) => this.writeRollup.run(rollupParams(level, tagId, cell, sums, row)));
    if (!held) this.sumFromStore(level, tagId, cell);
  }

  /**
   * A closed cell not held whole in memory, summed from its finer level or its
   * samples, all written by now (finest first). It replaces what was stored: a
   * late sample's cell, or the open cell of a version that merged every batch.
   */
  private sumFromStore(level: number, tagId: number, cell: number): void {
    const source = sourceOf(level, cell, this.since.get(tagId)!);
    const sum = new Aggregates(1);
    sum.add();
    const start = cell * level;
    if (source === 0) {
      const { time, value, status } = this.stored.range(tagId, start, start + level);
      for (let k = 0; k < time.length; k++) sum.addSample(0, time[k]!, value[k]!, status[k]!);
    } else {
      for (const row of this.rollupRows.all(selectParams(source, tagId, start / source, (start + level) / source)) as RollupRow[]) mergeRollupRow(sum, 0, source, row);
    }
    this.writeRollup.run(rollupParams(level, tagId, cell, sum, 0));
  }

  /** Samples seen so far in the newest cell of a level not kept yet. */
  private tally(tagId: number, level: number, cell: number, samples: number): number {
    const key = `${tagId}:${level}`;
    const seen = this.trial.get(key);
    if (seen && seen[0] === cell) seen[1] += samples;
    else if (!seen || cell > seen[0]) this.trial.set(key, [cell, samples]);
    return this.trial.get(key)![1];
  }

  /**
   * The level is complete from the cell after the tag's newest sample on:
   * every sample of those cells is still to come, so none can be missing.
   */
  private keepLevel(tagId: number, level: number): number {
    const newest = this.newestOf(tagId);
    const since = (Math.floor(newest / level) + 1) * level;
    this.insertLevel.run(tagId, level, since);
    this.trial.delete(`${tagId}:${level}`);
    return since;
  }

  private levelsOf(tagId: number): Map<number, number> {
    let levels = this.since.get(tagId);
    if (!levels) this.since.set(tagId, (levels = new Map()));
    return levels;
  }
}

/** The open block's samples (if any) followed by samples [from, to). */
function joined(open: TagSamples | undefined, samples: TagSamples, from: number, to: number): TagSamples {
  const prior = open?.time.length ?? 0;
  const length = prior + to - from;
  const block = { time: new Float64Array(length), value: new Float64Array(length), status: new Uint32Array(length) };
  for (const column of ['time', 'value', 'status'] as const) {
    if (open !== undefined) block[column].set(open[column]);
    block[column].set(samples[column].subarray(from, to), prior);
  }
  return block;
}

/** A cell of a level kept since `since` is written closed once all of it is older than what is stored (`through`). */
function closes(cell: number, level: number, since: number | undefined, through: number): boolean {
  return since !== undefined && cell * level >= since && cell * level < through;
}
