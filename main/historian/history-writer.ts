import type Database from 'better-sqlite3';
import { Aggregates } from './aggregates.js';
import { ENABLE_LEVEL_AT_SAMPLES, ROLLUP_LEVELS_MS } from './rollup-plan.js';
import { UPSERT_ROLLUP_SQL, upsertParams } from './rollup-sql.js';
import type { BatchColumns, BatchResult } from './worker-protocol.js';

const FINEST_MS = ROLLUP_LEVELS_MS[0];

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
  private readonly insertSample: Database.Statement;
  private readonly upsertRollup: Database.Statement;
  private readonly insertTag: Database.Statement;
  private readonly tagIdOf: Database.Statement;
  private readonly insertLevel: Database.Statement;
  private readonly lastTime: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertSample = db.prepare('INSERT OR IGNORE INTO samples (tag_id, time, value, status) VALUES (?, ?, ?, ?)');
    this.upsertRollup = db.prepare(UPSERT_ROLLUP_SQL);
    this.insertTag = db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)');
    this.tagIdOf = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.insertLevel = db.prepare('INSERT OR REPLACE INTO rollup_levels (tag_id, level, since) VALUES (?, ?, ?)');
    this.lastTime = db.prepare('SELECT max(time) FROM samples WHERE tag_id = ?').pluck();
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
      return result;
    } catch (error) {
      for (const { key } of this.pendingNames) this.idOfKey[key] = -1;
      throw error;
    }
  }

  private writeInTransaction(batch: BatchColumns, kept: [number, number, number][]): BatchResult {
    for (const { key, name } of this.pendingNames) {
      this.insertTag.run(name);
      this.idOfKey[key] = this.tagIdOf.get(name) as number;
    }
    const { count, tag, time, value, status } = batch;
    const cells = new Aggregates();
    const cellTag: number[] = [];
    const cellStart: number[] = [];
    // The batch's finest cells; consecutive samples of a tag almost always share one.
    const lastCellOfTag = new Map<number, number>();
    let written = 0;
    let duplicates = 0;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const id = this.idOfKey[tag[i]!] ?? -1;
      const t = Math.round(time[i]!);
      if (id < 0 || !Number.isFinite(t)) {
        rejected++;
        continue;
      }
      const v = value[i]!;
      const s = status[i]!;
      // OR IGNORE: a resent sample (same tag and time) keeps the first copy, and
      // `changes` tells us not to count it twice in the rollups.
      if (this.insertSample.run(id, t, v, s).changes === 0) {
        duplicates++;
        continue;
      }
      written++;
      const start = Math.floor(t / FINEST_MS) * FINEST_MS;
      let c = lastCellOfTag.get(id);
      if (c === undefined || cellStart[c] !== start || cellTag[c] !== id) {
        c = cells.add();
        cellTag.push(id);
        cellStart.push(start);
        lastCellOfTag.set(id, c);
      }
      cells.addSample(c, t, v, s);
    }
    for (const level of ROLLUP_LEVELS_MS) this.writeLevel(level, cells, cellTag, cellStart, kept);
    return { written, duplicates, rejected };
  }

  private writeLevel(level: number, fine: Aggregates, fineTag: readonly number[], fineStart: readonly number[], kept: [number, number, number][]): void {
    const cells = new Aggregates();
    const keys: [tagId: number, cell: number][] = [];
    const indexOf = new Map<string, number>();
    for (let j = 0; j < fine.length; j++) {
      const tagId = fineTag[j]!;
      const cell = Math.floor(fineStart[j]! / level);
      const key = `${tagId}:${cell}`;
      let i = indexOf.get(key);
      if (i === undefined) {
        i = cells.add();
        indexOf.set(key, i);
        keys.push([tagId, cell]);
      }
      cells.addRow(i, fine, j);
    }
    const enable = new Set<number>();
    keys.forEach(([tagId, cell], i) => {
      const kept = this.since.get(tagId)?.get(level);
      if (kept !== undefined) {
        if (cell * level >= kept) this.upsertRollup.run(upsertParams(level, tagId, cell, cells, i));
      } else if (this.tally(tagId, level, cell, cells.count[i]!) >= ENABLE_LEVEL_AT_SAMPLES) {
        enable.add(tagId);
      }
    });
    for (const tagId of enable) kept.push([tagId, level, this.keepLevel(tagId, level)]);
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
    const newest = this.lastTime.get(tagId) as number;
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
