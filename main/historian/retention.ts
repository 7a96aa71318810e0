import type Database from 'better-sqlite3';
import { deleteEventsBefore } from './event-log.js';
import { epochOf } from './rollup-epoch.js';
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

/** A chunk's bounding query (the key of the chunk's last-plus-one row, raw) and its delete, which takes the bounds and then that key. */
interface ChunkStatements {
  readonly boundary: Database.Statement;
  readonly remove: Database.Statement;
}

class ChunkedDeleter {
  private samples = 0;
  private rollups = 0;
  private journal = 0;
  private readonly tagIds: number[];
  private readonly sampleRows: ChunkStatements;
  private readonly blocks: ChunkStatements;
  private readonly samplesInBlocks: Database.Statement;
  private readonly rollupRows: ChunkStatements;

  constructor(private readonly context: RetentionContext) {
    const { db } = context;
    const chunk = (boundary: string, remove: string): ChunkStatements => ({ boundary: db.prepare(boundary).raw(true), remove: db.prepare(remove) });
    this.tagIds = db.prepare('SELECT id FROM tags').pluck().all() as number[];
    this.sampleRows = chunk('SELECT time FROM samples WHERE tag_id = ? AND time < ? ORDER BY time LIMIT 1 OFFSET ?', 'DELETE FROM samples WHERE tag_id = ? AND time < ? AND time < ?');
    this.blocks = chunk('SELECT first FROM sample_blocks WHERE tag_id = ? AND first < ? ORDER BY first LIMIT 1 OFFSET ?', 'DELETE FROM sample_blocks WHERE tag_id = ? AND first < ? AND first < ?');
    this.samplesInBlocks = db.prepare('SELECT coalesce(sum(count), 0) FROM sample_blocks WHERE tag_id = ? AND first < ? AND first < ?').pluck();
    // Rollups are keyed by time first (rollup-epoch.ts): one pass per level takes every tag's old cells.
    this.rollupRows = chunk(
      'SELECT epoch, tag_id, cell FROM rollups WHERE level = ? AND epoch <= ? AND cell < ? ORDER BY epoch, tag_id, cell LIMIT 1 OFFSET ?',
      'DELETE FROM rollups WHERE level = ? AND epoch <= ? AND cell < ? AND (epoch, tag_id, cell) < (?, ?, ?)',
    );
  }

  /**
   * False when told to stop. A stop between the samples and the rollups leaves
   * cells of samples already gone, older than anything kept; the next run,
   * whose cutoff is never earlier, takes them.
   */
  async samplesBefore(cutoff: number): Promise<boolean> {
    for (const id of this.tagIds) {
      // A block lies within one BLOCK_SPAN_MS window, which an hour boundary never cuts: one starting before the cutoff ends before it.
      const countSamples = (params: readonly number[]) => (this.samples += this.samplesInBlocks.get(...params) as number);
      if (!(await this.chunks((n) => this.deleteChunk(this.blocks, [id, cutoff], [cutoff], n, countSamples), () => undefined, RETENTION_CHUNK_BLOCKS))) return false;
      if (!(await this.chunks((n) => this.deleteChunk(this.sampleRows, [id, cutoff], [cutoff], n), (n) => (this.samples += n)))) return false;
    }
    for (const level of ROLLUP_LEVELS_MS) {
      const cell = cutoff / level;
      const bounds = [level, epochOf(cell), cell];
      if (!(await this.chunks((n) => this.deleteChunk(this.rollupRows, bounds, [epochOf(cell) + 1, 0, 0], n), (n) => (this.rollups += n)))) return false;
    }
    return true;
  }

  async journalBefore(cutoff: number): Promise<boolean> {
    return this.chunks((n) => deleteEventsBefore(this.context.db, 'journal', cutoff, n), (n) => (this.journal += n));
  }

  result(): RetentionResult {
    return { samplesDeleted: this.samples, rollupsDeleted: this.rollups, journalDeleted: this.journal, bytesInUse: bytesInUse(this.context.db) };
  }

  /**
   * Deletes the first `limit` rows within `bounds`: the key of the row after
   * them ends the chunk, or `all` when there are no more. `before` sees the
   * delete's parameters first (blocks count their samples).
   */
  private deleteChunk({ boundary, remove }: ChunkStatements, bounds: readonly number[], all: readonly number[], limit: number, before?: (params: readonly number[]) => void): number {
    const params = [...bounds, ...((boundary.get(...bounds, limit) as number[] | undefined) ?? all)];
    before?.(params);
    return remove.run(...params).changes;
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
