import type { HistorySeries, ReadHistoryRequest } from '../../shared/api/history-api.js';
import type { ServerHistory, ServerHistoryResult } from './server-history.js';
import { appendPoints, ServerStretch } from './server-stretch.js';

/**
 * A local history that starts this much after `from` (or less than one of the
 * request's buckets) still covers it: a quiet tag simply had nothing to record.
 */
export const COVERAGE_TOLERANCE_MS = 1000;

/**
 * The end of the stretch at the start of the request that the local samples
 * do not cover: their first time, or `to` when there are none. Null when they
 * cover the start.
 */
export function uncoveredUntil(localTime: ArrayLike<number>, request: Pick<ReadHistoryRequest, 'from' | 'to' | 'buckets'>): number | null {
  if (localTime.length === 0) return request.to;
  const first = localTime[0]!;
  const bucketMs = request.buckets > 0 ? (request.to - request.from) / request.buckets : 0;
  return first - request.from > Math.max(COVERAGE_TOLERANCE_MS, bucketMs) ? first : null;
}

/**
 * One pen's answer: where the local historian does not cover the start of the
 * request and the tag's server keeps history, the server's samples for that
 * stretch (raw, or bucketed like the local ones) come first, then the local
 * samples. `limit` bounds both the values read from the server and, for a raw
 * read, the points answered. A server that refuses leaves the local samples
 * and says why in `error`.
 */
export async function fillFromServer(local: HistorySeries, request: ReadHistoryRequest, server: ServerHistory | null, limit: number): Promise<HistorySeries> {
  const until = uncoveredUntil(local.time, request);
  if (until === null || server === null) return local;
  const stretch = new ServerStretch(request);
  let answer: ServerHistoryResult;
  try {
    const reading = server.readRaw(local.tagId, { from: request.from, to: until, maxValues: limit }, (page) => stretch.add(page));
    if (reading === null) return local;
    answer = await reading;
  } catch (error) {
    answer = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!answer.ok) return { ...local, error: answer.reason };
  if (answer.values === 0) return local;
  const points = stretch.points();
  const fromServer = { from: request.from, to: until, values: answer.values };
  // A raw read the bound cut short leaves a gap before the local samples: the trend asks again from its last time.
  if (answer.truncated && request.buckets === 0) return { tagId: local.tagId, ...points, truncated: true, fromServer };
  const cut = appendPoints(points, local, request.buckets === 0 ? limit : Number.POSITIVE_INFINITY);
  return { tagId: local.tagId, ...points, truncated: local.truncated || cut || answer.truncated, fromServer };
}
