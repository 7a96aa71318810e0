import { z } from 'zod';
import { TREND_MAX_PENS } from './trend-api.js';

// History: what the trend reads behind the live edge, from the local historian
// and, where it has nothing yet, the OPC UA server's own history (HistoryRead).
// Owned by the historian; the trend consumes it.

export interface ReadHistoryRequest {
  /** TagInfo.id of each pen. */
  readonly tagIds: readonly string[];
  /** ms since epoch, inclusive. */
  readonly from: number;
  /** ms since epoch, exclusive. */
  readonly to: number;
  /**
   * 0 for raw samples; otherwise the number of equal time buckets (the trend's
   * pixel columns): each non-empty bucket returns its first, min, max and last
   * sample in time order, so a spike narrower than a bucket is kept.
   */
  readonly buckets: number;
}

export interface HistorySeries {
  readonly tagId: string;
  readonly time: readonly number[];
  readonly value: readonly number[];
  readonly status: readonly number[];
  /** True when a raw read hit the row limit: ask again from the last time, or ask for buckets. */
  readonly truncated: boolean;
  /**
   * Set when the series starts with samples from the tag's OPC UA server
   * (HistoryRead): [from, to) is the stretch the local historian did not
   * cover, `values` how many raw samples the server gave for it.
   */
  readonly fromServer?: { readonly from: number; readonly to: number; readonly values: number };
  /** Why the tag's server could not fill what the local historian lacks; the local samples are still here. */
  readonly error?: string;
}

/** CSV of chosen tags over a range: every stored sample, or aggregated rows (give intervalMs or buckets, not both). */
export interface ExportHistoryRequest {
  /** TagInfo.id of each tag, one column group each, in this order. */
  readonly tagIds: readonly string[];
  /** ms since epoch, inclusive. */
  readonly from: number;
  /** ms since epoch, exclusive. */
  readonly to: number;
  /** One row per interval of this many ms, aligned to multiples of it since 1970 UTC (a 1 h interval starts on the hour). */
  readonly intervalMs?: number;
  /** About this many rows over the range: the interval is the range / buckets, rounded up to a whole rollup width. */
  readonly buckets?: number;
}

export interface HistoryFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
}

export interface HistoryApi {
  readHistory(request: ReadHistoryRequest): Promise<readonly HistorySeries[]>;
  exportHistory(request: ExportHistoryRequest): Promise<HistoryFile>;
}

const MAX_BUCKETS = 10_000;
/** Aggregated rows times tags one export may have (7 cells each): refused before anything is read. */
export const MAX_EXPORT_INTERVAL_CELLS = 500_000;
const MAX_INTERVAL_MS = 366 * 86_400_000;

const tagIds = z.array(z.string().min(1).max(512)).min(1).max(TREND_MAX_PENS);
const time = z.number().finite().min(0);

/** Rows an aggregated export has at most: the range widened to whole intervals. */
export function exportIntervals(from: number, to: number, intervalMs: number): number {
  return Math.ceil(to / intervalMs) - Math.floor(from / intervalMs);
}

export const historyApiSchemas = {
  readHistory: z
    .strictObject({
      tagIds,
      from: z.number().finite(),
      to: z.number().finite(),
      buckets: z.number().int().min(0).max(MAX_BUCKETS),
    })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] }),
  exportHistory: z
    .strictObject({
      tagIds,
      from: time,
      to: time,
      intervalMs: z.number().int().min(1).max(MAX_INTERVAL_MS).optional(),
      buckets: z.number().int().min(1).max(MAX_BUCKETS).optional(),
    })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] })
    .refine((r) => r.intervalMs === undefined || r.buckets === undefined, { message: 'give intervalMs or buckets, not both', path: ['buckets'] })
    .superRefine((r, context) => {
      if (r.intervalMs === undefined || r.to <= r.from) return;
      const rows = exportIntervals(r.from, r.to, r.intervalMs);
      if (rows * r.tagIds.length <= MAX_EXPORT_INTERVAL_CELLS) return;
      const count = (n: number) => n.toLocaleString('en');
      context.addIssue({
        code: 'custom',
        path: ['intervalMs'],
        message: `range too large: ${count(rows)} intervals × ${count(r.tagIds.length)} tag(s), at most ${count(MAX_EXPORT_INTERVAL_CELLS)}; choose a longer interval, a shorter range or fewer tags`,
      });
    }),
} satisfies Record<keyof HistoryApi, z.ZodType>;
