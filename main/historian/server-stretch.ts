import type { ReadHistoryRequest } from '../../shared/api/history-api.js';
import { Aggregates } from './aggregates.js';
import { bucketPoints, type Points } from './bucket-points.js';
import { bucketIndex } from './rollup-plan.js';

/** The contract's plain arrays (JSON on the WebSocket), filled in place. */
export interface PlainPoints {
  readonly time: number[];
  readonly value: number[];
  readonly status: number[];
}

interface AnyPoints {
  readonly time: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  readonly status: ArrayLike<number>;
}

/**
 * A server's raw pages gathered as the request wants them: as they are, or
 * reduced by the local store's own rules (Aggregates, then bucketPoints) over
 * the request's own buckets, so a column drawn from the server's samples is
 * drawn like one from the local store's, spikes included. Only the buckets
 * are held, never the raw samples of a bucketed read.
 */
export class ServerStretch {
  private readonly raw: PlainPoints = { time: [], value: [], status: [] };
  private readonly rows: Aggregates | null = null;
  private readonly bucketMs: number;

  constructor(private readonly request: Pick<ReadHistoryRequest, 'from' | 'to' | 'buckets'>) {
    this.bucketMs = request.buckets > 0 ? (request.to - request.from) / request.buckets : 0;
    if (request.buckets > 0) {
      this.rows = new Aggregates(request.buckets);
      this.rows.reset(request.buckets);
    }
  }

  add(page: Points): void {
    const rows = this.rows;
    if (rows === null) {
      appendPoints(this.raw, page, Number.POSITIVE_INFINITY);
      return;
    }
    const { from, buckets } = this.request;
    for (let i = 0; i < page.time.length; i++) {
      const time = page.time[i]!;
      rows.addSample(bucketIndex(time, from, this.bucketMs, buckets), time, page.value[i]!, page.status[i]!);
    }
  }

  /** What was gathered, in time order. */
  points(): PlainPoints {
    if (this.rows === null) return this.raw;
    const out: PlainPoints = { time: [], value: [], status: [] };
    appendPoints(out, bucketPoints(this.rows.pick(this.rows.nonEmpty())), Number.POSITIVE_INFINITY);
    return out;
  }
}

/** Appends `points` to `into` while it holds fewer than `limit`; true when some were left out. */
export function appendPoints(into: PlainPoints, points: AnyPoints, limit: number): boolean {
  const n = Math.min(points.time.length, Math.max(0, limit - into.time.length));
  for (let i = 0; i < n; i++) {
    into.time.push(points.time[i]!);
    into.value.push(points.value[i]!);
    into.status.push(points.status[i]!);
  }
  return n < points.time.length;
}
