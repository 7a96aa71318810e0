import type Database from 'better-sqlite3';
import { Aggregates } from './aggregates.js';
import { bucketPoints } from './bucket-points.js';
import { queryEvents, type EventLogName, type EventLogPage, type EventLogQuery } from './event-log.js';
import { bucketIndex, planSegments, type PlanSegment } from './rollup-plan.js';
import { SampleBlockReader } from './sample-blocks.js';
import { mergeRollupRow, SELECT_ROLLUPS_SQL, selectParams, type RollupRow } from './rollup-sql.js';
import type { BucketSeries, RawSeries, Series, SeriesRequest } from './worker-protocol.js';

/** Answers queries on its own connection; it never writes. */
export class HistoryReader {
  private readonly tagIdOf: Database.Statement;
  private readonly levelsOf: Database.Statement;
  private readonly samples: SampleBlockReader;
  private readonly rollupRows: Database.Statement;
  /** Reused for every tag: the answer takes a trimmed copy of its non-empty rows. */
  private readonly scratch = new Aggregates(1024);

  constructor(private readonly db: Database.Database) {
    db.pragma('query_only = ON');
    this.tagIdOf = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.levelsOf = db.prepare('SELECT level, since FROM rollup_levels WHERE tag_id = ?').raw(true);
    this.samples = new SampleBlockReader(db);
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
    const found = id === undefined ? { time: new Float64Array(0), value: new Float64Array(0), status: new Float64Array(0) } : this.samples.range(id, from, to, rawLimit);
    const length = Math.min(found.time.length, rawLimit);
    return { kind: 'raw', tagId, time: found.time.slice(0, length), value: found.value.slice(0, length), status: found.status.slice(0, length), truncated: found.time.length > rawLimit };
  }

  private buckets(tagId: string, id: number | undefined, { from, to, buckets, exact }: SeriesRequest): BucketSeries {
    const width = (to - from) / buckets;
    const into = this.scratch;
    into.reset(buckets);
    const plan = id === undefined ? [] : planSegments(from, to, width, { since: new Map(this.levelsOf.all(id) as [number, number][]), newest: this.samples.newest(id) }, exact);
    if (id !== undefined) this.fill(into, id, plan, from, width, buckets);
    const nonEmpty = into.nonEmpty();
    return { kind: 'buckets', tagId, bucket: Float64Array.from(nonEmpty), rows: into.pick(nonEmpty), plan };
  }

  /** Each segment of the plan into `buckets` buckets of `width` from `from`: rollup cells where it names a level, raw samples elsewhere. */
  private fill(into: Aggregates, id: number, plan: readonly PlanSegment[], from: number, width: number, buckets: number): void {
    const rawInto = (start: number, end: number) => {
      if (start >= end) return;
      const { time, value, status } = this.samples.range(id, start, end);
      for (let i = 0; i < time.length; i++) into.addSample(bucketIndex(time[i]!, from, width, buckets), time[i]!, value[i]!, status[i]!);
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
      for (const row of this.rollupRows.all(selectParams(level, id, firstCell, endCell)) as RollupRow[]) {
        mergeRollupRow(into, bucketIndex(row[0] * level, from, width, buckets), level, row);
      }
      rawInto(endCell * level, segment.to);
    }
  }
}
