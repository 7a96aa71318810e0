import { describe, expect, it, vi } from 'vitest';
import type { HistorySeries, ReadHistoryRequest } from '../../../shared/contract.js';
import { readRawHistory } from './read-raw-history.js';

/** A historian holding samples at t = 0..99 for tag "a" and 0..4 for "b", 30 rows a page. */
function historian() {
  const all: Record<string, number[]> = { a: Array.from({ length: 100 }, (_, i) => i), b: [0, 1, 2, 3, 4] };
  return vi.fn(async (request: ReadHistoryRequest): Promise<HistorySeries[]> =>
    request.tagIds.map((tagId) => {
      const time = (all[tagId] ?? []).filter((t) => t >= request.from && t < request.to);
      const page = time.slice(0, 30);
      return { tagId, time: page, value: page.map((t) => t * 2), status: page.map(() => 0), truncated: time.length > 30 };
    }),
  );
}

describe('readRawHistory', () => {
  it('follows truncated pages per tag and drops the repeated boundary sample', async () => {
    const read = historian();
    const { series, complete } = await readRawHistory(read, ['a', 'b'], 0, 1000);
    expect(complete).toBe(true);
    expect(series.get('a')?.time).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(series.get('a')?.value[99]).toBe(198);
    expect(series.get('b')?.time).toEqual([0, 1, 2, 3, 4]);
    expect(read.mock.calls.slice(1).every(([request]) => request.tagIds.length === 1 && request.tagIds[0] === 'a')).toBe(true);
  });

  it('says when it stopped short of everything', async () => {
    const { complete, series } = await readRawHistory(historian(), ['a'], 0, 1000, 2);
    expect(complete).toBe(false);
    expect(series.get('a')?.time.length).toBeLessThan(100);
  });
});
