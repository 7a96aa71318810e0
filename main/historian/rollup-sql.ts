import type { Aggregates } from './aggregates.js';
import { epochOf } from './rollup-epoch.js';

// Times are stored as offsets from the cell's start; a row without a good
// sample stores NULL min and max.

/**
 * A whole cell, written when it closed (rollupParams' parameters). REPLACE: a
 * late sample rewrites its closed cell, and a database from a version that
 * merged every batch into the open cell holds a part of it.
 */
export const WRITE_ROLLUP_SQL = `
  INSERT OR REPLACE INTO rollups (level, epoch, tag_id, cell, count, good, sum, first_t, first_v, first_s, min_t, min_v, min_s, max_t, max_v, max_s, last_t, last_v, last_s)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

// One tag's cells in [first, end): the epochs are walked outermost (CROSS JOIN
// keeps that order), so each is one seek into the key, never a scan of all tags.
// No ORDER BY: cells merge into buckets by their own times, in any order, so a sort would buy nothing.
export const SELECT_ROLLUPS_SQL = `
  WITH RECURSIVE epochs(epoch) AS (SELECT ? UNION ALL SELECT epoch + 1 FROM epochs WHERE epoch < ?)
  SELECT cell, count, good, sum, first_t, first_v, first_s, min_t, min_v, min_s, max_t, max_v, max_s, last_t, last_v, last_s
  FROM epochs CROSS JOIN rollups
  WHERE rollups.level = ? AND rollups.epoch = epochs.epoch AND tag_id = ? AND cell >= ? AND cell < ?`;

/** SELECT_ROLLUPS_SQL's parameters: level `levelMs`, tag `tagId`, cells [firstCell, endCell). */
export function selectParams(levelMs: number, tagId: number, firstCell: number, endCell: number): number[] {
  return [epochOf(firstCell), epochOf(endCell - 1), levelMs, tagId, firstCell, endCell];
}

/** WRITE_ROLLUP_SQL's parameters for row `i` of `cells`, a cell of `levelMs` at `cell`. */
export function rollupParams(levelMs: number, tagId: number, cell: number, cells: Aggregates, i: number): unknown[] {
  const start = cell * levelMs;
  const good = cells.good[i]!;
  const offset = (t: number) => (good > 0 ? t - start : null);
  return [
    levelMs, epochOf(cell), tagId, cell, cells.count[i], good, cells.sum[i],
    cells.firstT[i]! - start, cells.firstV[i], cells.firstS[i],
    offset(cells.minT[i]!), good > 0 ? cells.minV[i] : null, good > 0 ? cells.minS[i] : null,
    offset(cells.maxT[i]!), good > 0 ? cells.maxV[i] : null, good > 0 ? cells.maxS[i] : null,
    cells.lastT[i]! - start, cells.lastV[i], cells.lastS[i],
  ];
}

/** A row of SELECT_ROLLUPS_SQL: cell, count, good, sum, then time offset, value and status of first, min, max, last (min and max NULL without a good sample). */
export type RollupRow = [number, number, number, number, number, number | null, number, number | null, number | null, number | null, number | null, number | null, number | null, number, number | null, number];

/** A stored row merged into bucket `bucket`. */
export function mergeRollupRow(into: Aggregates, bucket: number, levelMs: number, row: RollupRow): void {
  const start = row[0] * levelMs;
  const good = row[2];
  const none = Number.NaN;
  if (good === 0) {
    into.addCell(bucket, row[1], 0, 0, start + row[4], row[5] ?? none, row[6], none, none, none, none, none, none, start + row[13], row[14] ?? none, row[15]);
    return;
  }
  into.addCell(bucket, row[1], good, row[3], start + row[4], row[5] ?? none, row[6], start + row[7]!, row[8]!, row[9]!, start + row[10]!, row[11]!, row[12]!, start + row[13], row[14] ?? none, row[15]);
}
