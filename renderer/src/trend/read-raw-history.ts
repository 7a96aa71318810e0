import type { HistorySeries, ReadHistoryRequest } from '../../../shared/contract.js';

export interface RawHistory {
  readonly series: ReadonlyMap<string, HistorySeries>;
  /** False when a tag had more than `maxPages` pages: the export says so rather than pretend. */
  readonly complete: boolean;
}

/**
 * Every raw sample of the tags in [from, to): one request for all, then, for each tag the
 * historian cut short, further pages from its last time (a sample at exactly that time is
 * asked for again and dropped, as the page boundary may split a run of equal times).
 */
export async function readRawHistory(
  read: (request: ReadHistoryRequest) => Promise<readonly HistorySeries[]>,
  tagIds: readonly string[],
  from: number,
  to: number,
  maxPages = 50,
): Promise<RawHistory> {
  const collected = new Map<string, { time: number[]; value: number[]; status: number[] }>();
  let complete = true;
  const add = (series: HistorySeries, after: number) => {
    let into = collected.get(series.tagId);
    if (into === undefined) collected.set(series.tagId, (into = { time: [], value: [], status: [] }));
    for (let i = 0; i < series.time.length; i++) {
      if (series.time[i]! <= after) continue;
      into.time.push(series.time[i]!);
      into.value.push(series.value[i]!);
      into.status.push(series.status[i]!);
    }
  };
  const first = await read({ tagIds: [...tagIds], from, to, buckets: 0 });
  const truncated: string[] = [];
  for (const series of first) {
    add(series, Number.NEGATIVE_INFINITY);
    if (series.truncated && series.time.length > 0) truncated.push(series.tagId);
  }
  for (const tagId of truncated) {
    let pages = 1;
    for (;;) {
      const last = collected.get(tagId)!.time.at(-1)!;
      if (pages >= maxPages) {
        complete = false;
        break;
      }
      const [page] = await read({ tagIds: [tagId], from: last, to, buckets: 0 });
      pages++;
      if (page === undefined) break;
      add(page, last);
      if (!page.truncated || page.time.length === 0 || page.time.at(-1)! <= last) break;
    }
  }
  const series = new Map([...collected].map(([tagId, s]) => [tagId, { tagId, ...s, truncated: false }]));
  return { series, complete };
}
