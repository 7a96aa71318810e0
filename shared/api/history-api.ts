import { z } from 'zod';
import { TREND_MAX_PENS } from './trend-api.js';

// History: what the trend reads behind the live edge, from the local historian
// (and, later, OPC UA HistoryRead). Owned by the historian; the trend consumes it.

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
}

export interface HistoryApi {
  readHistory(request: ReadHistoryRequest): Promise<readonly HistorySeries[]>;
}

const MAX_BUCKETS = 10_000;

export const historyApiSchemas = {
  readHistory: z
    .strictObject({
      tagIds: z.array(z.string().min(1).max(512)).min(1).max(TREND_MAX_PENS),
      from: z.number().finite(),
      to: z.number().finite(),
      buckets: z.number().int().min(0).max(MAX_BUCKETS),
    })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] }),
} satisfies Record<keyof HistoryApi, z.ZodType>;
