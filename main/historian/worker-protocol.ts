import type { AggregateColumns } from './aggregates.js';
import type { EventLogName, EventRow, EventLogPage, EventLogQuery } from './event-log.js';
import type { Points } from './bucket-points.js';
import type { PlanSegment } from './rollup-plan.js';

// The messages between the Historian (main thread) and its two workers: the
// writer owns the only write connection, the reader answers queries on its
// own connection so a long query never delays a batch, nor a batch a query.

export interface RetentionSettings {
  /** Samples older than this are deleted (rounded down to the hour). */
  readonly maxAgeMs?: number;
  /** Database pages in use above this: the oldest hours of samples are deleted until it fits. */
  readonly maxBytes?: number;
  /** Alarm journal entries older than this are deleted. The audit trail is never deleted here. */
  readonly journalMaxAgeMs?: number;
}

export interface WriterSettings {
  readonly role: 'writer';
  readonly file: string;
  readonly retention: RetentionSettings;
  readonly retentionIntervalMs: number;
  /** After a failed open, how long until the next batch tries again. */
  readonly reopenIntervalMs: number;
}

export interface ReaderSettings {
  readonly role: 'reader';
  readonly file: string;
}

export type WorkerSettings = WriterSettings | ReaderSettings;

export interface BatchColumns {
  readonly count: number;
  readonly tag: Uint32Array;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Uint32Array;
}

export interface BatchResult {
  readonly written: number;
  /** Same tag and time as a stored sample (a server resending): the stored one is kept. */
  readonly duplicates: number;
  /** A tag key never registered or a time that is not a number. */
  readonly rejected: number;
}

export interface RetentionResult {
  readonly samplesDeleted: number;
  readonly rollupsDeleted: number;
  readonly journalDeleted: number;
  readonly bytesInUse: number;
}

export type ToWriter =
  | { readonly type: 'tags'; readonly firstKey: number; readonly names: readonly string[] }
  | { readonly type: 'batch'; readonly id: number; readonly batch: BatchColumns }
  | { readonly type: 'append'; readonly id: number; readonly log: EventLogName; readonly entry: EventRow }
  | { readonly type: 'retention'; readonly id: number }
  | { readonly type: 'retention-settings'; readonly id: number; readonly retention: RetentionSettings }
  | { readonly type: 'close'; readonly id: number };

export type FromWriter =
  | { readonly type: 'opened'; readonly ok: boolean; readonly message: string }
  | { readonly type: 'log'; readonly level: 'warning' | 'error'; readonly message: string }
  /** For the operator, not only the log: a database set aside at open. */
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'health'; readonly ok: boolean; readonly message: string }
  /** `columns`: the batch's own arrays, transferred back so the next batch fills them instead of new ones. */
  | { readonly type: 'batch'; readonly id: number; readonly result: BatchResult | null; readonly dropped: number; readonly columns: BatchColumns }
  | { readonly type: 'reply'; readonly id: number; readonly value?: unknown; readonly error?: string };

export interface SeriesRequest {
  readonly tagIds: readonly string[];
  readonly from: number;
  readonly to: number;
  /** 0: raw samples. */
  readonly buckets: number;
  /** Raw rows per tag before `truncated`. */
  readonly rawLimit: number;
  /** Only levels whose cells tile the buckets (CSV): every bucket holds exactly its own samples. */
  readonly exact: boolean;
  /** Buckets as a trend draws them (bucket-points.ts), computed in the reader thread, instead of aggregate rows. */
  readonly points?: boolean;
}

export interface RawSeries {
  readonly kind: 'raw';
  readonly tagId: string;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Float64Array;
  readonly truncated: boolean;
}

export interface BucketSeries {
  readonly kind: 'buckets';
  readonly tagId: string;
  /** The index of each non-empty bucket, ascending; `rows` holds its aggregates. */
  readonly bucket: Float64Array;
  readonly rows: AggregateColumns;
  /** Which level answered which part of the range. */
  readonly plan: readonly PlanSegment[];
}

export interface PointSeries extends Points {
  readonly kind: 'points';
  readonly tagId: string;
  readonly plan: readonly PlanSegment[];
}

export type Series = RawSeries | BucketSeries | PointSeries;

export type ReaderQuery =
  | { readonly type: 'series'; readonly request: SeriesRequest }
  | { readonly type: 'events'; readonly log: EventLogName; readonly query: EventLogQuery };

export type ToReader = { readonly id: number; readonly query: ReaderQuery } | { readonly id: number; readonly close: true };

export type FromReader = { readonly id: number; readonly value?: readonly Series[] | EventLogPage; readonly error?: string };
