import type Database from 'better-sqlite3';
import { deleteEventsBefore } from './event-log.js';
import { COARSEST_LEVEL_MS, ROLLUP_LEVELS_MS } from './rollup-plan.js';
import type { RetentionResult, RetentionSettings } from './worker-protocol.js';

/** Rows per delete transaction: short enough that a batch waiting behind it is not held up noticeably. */
export const RETENTION_CHUNK_ROWS = 10_000;
/** Sample blocks per delete transaction: up to BLOCK_MAX_SAMPLES samples each, about as much work as the rows above. */
const RETENTION_CHUNK_BLOCKS = 100;

export interface RetentionContext {
  readonly db: Database.Database;
  readonly settings: RetentionSettings;
  readonly now: number;
  /** Between transactions, so batches run in between; false: stop (closing). */
  readonly pause: () => Promise<boolean>;
  readonly log: (message: string) => void;
}

/**
 * Deletes what the settings no longer keep, oldest first, in transactions of
 * at most RETENTION_CHUNK_ROWS rows. Samples go by whole hours
 * (COARSEST_LEVEL_MS) so every rollup level loses whole cells only and the
 * rollups left keep agreeing with the samples left.
 */
export async function enforceRetention(context: RetentionContext): Promise<RetentionResult> {
  const { db, settings, now } = context;
  const deleter = new ChunkedDeleter(context);
  if (settings.maxAgeMs !== undefined) {
    if (!(await deleter.samplesBefore(alignDown(now - settings.maxAgeMs)))) return deleter.result();
  }
  if (settings.maxBytes !== undefined) {
    while (bytesInUse(db) > settings.maxBytes) {
      const { oldest, newest } = sampleSpan(db);
      if (oldest === null || newest === null) break;
      const cutoff = alignDown(oldest) + COARSEST_LEVEL_MS;
      if (cutoff > newest) {
        context.log(`history retention: ${settings.maxBytes} bytes cannot hold even the newest hour of samples; keeping it`);
        break;
      }
      if (!(await deleter.samplesBefore(cutoff))) return deleter.result();
    }
  }
  if (settings.journalMaxAgeMs !== undefined) await deleter.journalBefore(now - settings.journalMaxAgeMs);
  return deleter.result();
}

export function bytesInUse(db: Database.Database): number {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

function alignDown(time: number): number {
  return Math.floor(time / COARSEST_LEVEL_MS) * COARSEST_LEVEL_MS;
}

/** Per tag, the keys find each end in one seek; a scan over all samples would not. Blocks and the rows older versions wrote. */
function sampleSpan(db: Database.Database): { oldest: number | null; newest: number | null } {
  const row = db
    .prepare(
      `SELECT min(min((SELECT min(first) FROM sample_blocks WHERE tag_id = tags.id)), coalesce(min((SELECT min(time) FROM samples WHERE tag_id = tags.id)), 1e300)) AS oldest,
              max(max((SELECT max(last) FROM sample_blocks WHERE tag_id = tags.id)), coalesce(max((SELECT max(time) FROM samples WHERE tag_id = tags.id)), -1e300)) AS newest FROM tags`,
    )
    .get() as { oldest: number | null; newest: number | null };
  return row;
}

class ChunkedDeleter {
  private samples = 0;
  private rollups = 0;
  private journal = 0;
  private readonly tagIds: number[];
  private readonly sampleBoundary: Database.Statement;
  private readonly deleteSamples: Database.Statement;
  private readonly blockBoundary: Database.Statement;
  private readonly samplesInBlocks: Database.Statement;
  private readonly deleteBlocks: Database.Statement;
  private readonly rollupBoundary: Database.Statement;
  private readonly deleteRollups: Database.Statement;

  constructor(private readonly context: RetentionContext) {
    const { db } = context;
    this.tagIds = db.prepare('SELECT id FROM tags').pluck().all() as number[];
    this.sampleBoundary = db.prepare('SELECT time FROM samples WHERE tag_id = ? AND time < ? ORDER BY time LIMIT 1 OFFSET ?').pluck();
    this.deleteSamples = db.prepare('DELETE FROM samples WHERE tag_id = ? AND time < ?');
    this.blockBoundary = db.prepare('SELECT first FROM sample_blocks WHERE tag_id = ? AND first < ? ORDER BY first LIMIT 1 OFFSET ?').pluck();
    this.samplesInBlocks = db.prepare('SELECT coalesce(sum(count), 0) FROM sample_blocks WHERE tag_id = ? AND first < ?').pluck();
    this.deleteBlocks = db.prepare('DELETE FROM sample_blocks WHERE tag_id = ? AND first < ?');
    this.rollupBoundary = db.prepare('SELECT cell FROM rollups WHERE level = ? AND tag_id = ? AND cell < ? ORDER BY cell LIMIT 1 OFFSET ?').pluck();
    this.deleteRollups = db.prepare('DELETE FROM rollups WHERE level = ? AND tag_id = ? AND cell < ?');
  }

  /** False when told to stop. */
  async samplesBefore(cutoff: number): Promise<boolean> {
    for (const id of this.tagIds) {
      // A block lies within one BLOCK_SPAN_MS window, which an hour boundary never cuts: one starting before the cutoff ends before it.
      if (!(await this.chunks((n) => this.deleteBlockChunk(id, cutoff, n), () => undefined, RETENTION_CHUNK_BLOCKS))) return false;
      if (!(await this.chunks((n) => this.deleteChunk(this.sampleBoundary, this.deleteSamples, [id], cutoff, n), (n) => (this.samples += n)))) return false;
      for (const level of ROLLUP_LEVELS_MS) {
        if (!(await this.chunks((n) => this.deleteChunk(this.rollupBoundary, this.deleteRollups, [level, id], cutoff / level, n), (n) => (this.rollups += n)))) return false;
      }
    }
    return true;
  }

  async journalBefore(cutoff: number): Promise<boolean> {
    return this.chunks((n) => deleteEventsBefore(this.context.db, 'journal', cutoff, n), (n) => (this.journal += n));
  }

  result(): RetentionResult {
    return { samplesDeleted: this.samples, rollupsDeleted: this.rollups, journalDeleted: this.journal, bytesInUse: bytesInUse(this.context.db) };
  }

  /** Deletes the first `limit` keys below `cutoff`: the key of row `limit` bounds the chunk. */
  private deleteChunk(boundary: Database.Statement, remove: Database.Statement, prefix: readonly number[], cutoff: number, limit: number): number {
    const end = (boundary.get(...prefix, cutoff, limit) as number | undefined) ?? cutoff;
    return remove.run(...prefix, end).changes;
  }

  /** Up to `limit` blocks below `cutoff`; counts their samples, returns the blocks deleted. */
  private deleteBlockChunk(id: number, cutoff: number, limit: number): number {
    const end = (this.blockBoundary.get(id, cutoff, limit) as number | undefined) ?? cutoff;
    this.samples += this.samplesInBlocks.get(id, end) as number;
    return this.deleteBlocks.run(id, end).changes;
  }

  private async chunks(step: (limit: number) => number, count: (deleted: number) => void, rows = RETENTION_CHUNK_ROWS): Promise<boolean> {
    for (;;) {
      const deleted = step(rows);
      if (deleted === 0) return true;
      count(deleted);
      if (!(await this.context.pause())) return false;
      if (deleted < rows) return true;
    }
  }
}
