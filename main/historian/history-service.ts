import type { HistoryApi, HistorySeries, ReadHistoryRequest } from '../../shared/api/history-api.js';
import { ApiError } from '../../shared/contract.js';
import type { Historian } from './historian.js';

/** Raw points one readHistory call may return over all its tags: a bound on one answer's size. */
export const RAW_POINTS_PER_REQUEST = 200_000;

/**
 * HistoryApi over the local historian. `isKnownTag` says whether a tag id is
 * one the app has (TagInfo.id): history is not read for names that never were.
 * readHistory is an own property (an arrow), so registerApi's object spread
 * keeps it.
 */
export class HistoryService implements HistoryApi {
  constructor(
    private readonly historian: Historian,
    private readonly isKnownTag: (tagId: string) => boolean,
  ) {}

  readonly readHistory = async (request: ReadHistoryRequest): Promise<readonly HistorySeries[]> => {
    const unknown = request.tagIds.flatMap((tagId, i) => (this.isKnownTag(tagId) ? [] : [`tagIds.${i}: unknown tag ${JSON.stringify(tagId)}`]));
    if (unknown.length > 0) throw new ApiError(`readHistory: ${unknown.join('; ')}`);
    let series;
    try {
      series = await this.historian.readSeries({
        tagIds: request.tagIds,
        from: request.from,
        to: request.to,
        buckets: request.buckets,
        rawLimit: Math.floor(RAW_POINTS_PER_REQUEST / request.tagIds.length),
        exact: false,
        points: true,
      });
    } catch (error) {
      throw new ApiError(`readHistory: ${error instanceof Error ? error.message : String(error)}`);
    }
    return series.map((s): HistorySeries => {
      if (s.kind === 'buckets') throw new Error('readHistory: the reader answered aggregate rows where points were asked for');
      return { tagId: s.tagId, time: plainNumbers(s.time), value: plainNumbers(s.value), status: plainNumbers(s.status), truncated: s.kind === 'raw' && s.truncated };
    });
  };
}

/** The contract carries plain arrays (JSON on the WebSocket). A loop: Array.from on a typed array costs about 15 times more. */
export function plainNumbers(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}
