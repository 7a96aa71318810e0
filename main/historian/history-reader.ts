import type Database from 'better-sqlite3';
import { Aggregates } from './aggregates.js';
import { bucketPoints } from './bucket-points.js';
import { queryEvents, type EventLogName, type EventLogPage, type EventLogQuery } from './event-log.js';
import { bucketIndex, planSegments } from './rollup-plan.js';
import { mergeRollupRow, SELECT_ROLLUPS_SQL, type RollupRow } from './rollup-sql.js';
import type { BucketSeries, RawSeries, Series, SeriesRequest } from './worker-protocol.js';

/** Answers queries on its own connection; it never writes. */
export class HistoryReader {
  private readonly tagIdOf: Database.Statement;
  private readonly levelsOf: Database.Statement;
  private readonly rawRows: Database.Statement;
  private readonly rollupRows: Database.Statement;
  /** Reused for every tag: the answer takes a trimmed copy of its non-empty rows. */
  private readonly scratch = new Aggregates(1024);

  constructor(private readonly db: Database.Database) {
    db.pragma('query_only = ON');
    this.tagIdOf = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.levelsOf = db.prepare('SELECT level, since FROM rollup_levels WHERE tag_id = ?').raw(true);
    this.rawRows = db.prepare('SELECT time, value, status FROM samples WHERE tag_id = ? AND time >= ? AND time < ? ORDER BY time LIMIT ?').raw(true);
    this.rollupRows = db.prepare(SELECT_ROLLUPS_SQL).raw(true);
  }

  series(request: SeriesRequest): Series[] {
    // One read transaction: the tags of one request are read from the same moment of the database.
    return this.db.transaction(() =>
      request.tagIds.map((tagId): Series => {
        const id = this.tagIdOf.get(tagId) as number | undefined;
        if (request.buckets === 0) return this.raw(tagId, id, request);
        const buckets = this.buckets(tagId, id, request);
        return request.points ? { kind: 'points', tagId, plan: buckets.plan, ...bucketPoints(buckets.rows) } : buckets;
      }),
    )();
  }

  events(log: EventLogName, query: EventLogQuery): EventLogPage {
    return queryEvents(this.db, log, query);
  }

  private raw(tagId: string, id: number | undefined, { from, to, rawLimit }: SeriesRequest): RawSeries {
    const rows = id === undefined ? [] : (this.rawRows.all(id, from, to, rawLimit + 1) as [number, number | null, number][]);
    const length = Math.min(rows.length, rawLimit);
    const time = new Float64Array(length);
    const value = new Float64Array(length);
    const status = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const row = rows[i]!;
      time[i] = row[0];
      value[i] = row[1] ?? Number.NaN;
      status[i] = row[2];
    }
    return { kind: 'raw', tagId, time, value, status, truncated: rows.length > rawLimit };
  }

  private buckets(tagId: string, id: number | undefined, { from, to, buckets, exact }: SeriesRequest): BucketSeries {
    const width = (to - from) / buckets;
    const into = this.scratch;
    into.reset(buckets);
    const since = new Map(id === undefined ? [] : (this.levelsOf.all(id) as [number, number][]));
    const plan = id === undefined ? [] : planSegments(from, to, width, since, exact);
    // all() rather than iterate(): one call into SQLite per range, not one per row.
    const rawInto = (start: number, end: number) => {
      if (start >= end) return;
      for (const [t, v, s] of this.rawRows.all(id, start, end, -1) as [number, number | null, number][]) {
        into.addSample(bucketIndex(t, from, width, buckets), t, v ?? Number.NaN, s);
      }
    };
    for (const segment of plan) {
      const level = segment.levelMs;
      const firstCell = Math.ceil(segment.from / level);
      const endCell = Math.floor(segment.to / level);
      if (level === 0 || firstCell >= endCell) {
        rawInto(segment.from, segment.to);
        continue;
      }
      // Cells cut by the range's ends would bring samples from outside it: those parts come raw.
      rawInto(segment.from, firstCell * level);
      for (const row of this.rollupRows.all(level, id, firstCell, endCell) as RollupRow[]) {
        mergeRollupRow(into, bucketIndex(row[0] * level, from, width, buckets), level, row);
      }
      rawInto(endCell * level, segment.to);
    }
    const nonEmpty = into.nonEmpty();
    return { kind: 'buckets', tagId, bucket: Float64Array.from(nonEmpty), rows: into.pick(nonEmpty), plan };
  }
}
