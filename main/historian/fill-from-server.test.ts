import { describe, expect, it } from 'vitest';
import type { HistorySeries, ReadHistoryRequest } from '../../shared/api/history-api.js';
import type { Points } from './bucket-points.js';
import { COVERAGE_TOLERANCE_MS, fillFromServer, uncoveredUntil } from './fill-from-server.js';
import type { ServerHistory, ServerHistoryRange, ServerHistoryResult } from './server-history.js';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const raw = (from: number, to: number): ReadHistoryRequest => ({ tagIds: ['plant/A'], from, to, buckets: 0 });
const local = (time: number[], truncated = false): HistorySeries => ({ tagId: 'plant/A', time, value: time.map((t) => t - T0), status: time.map(() => 0), truncated });

/** A server keeping one sample every `stepMs` from `since` on, read page by page as a real one is. */
function server(since: number, stepMs: number, pageSize = 4): ServerHistory & { asked: ServerHistoryRange[] } {
  const asked: ServerHistoryRange[] = [];
  return {
    asked,
    readRaw: async (_tagId, range, onPage) => {
      asked.push(range);
      const times: number[] = [];
      for (let t = Math.max(since, range.from); t < range.to && times.length < range.maxValues + 1; t += stepMs) times.push(t);
      const kept = times.slice(0, range.maxValues);
      for (let i = 0; i < kept.length; i += pageSize) {
        const part = kept.slice(i, i + pageSize);
        const page: Points = { time: Float64Array.from(part), value: Float64Array.from(part, (t) => t - T0), status: new Float64Array(part.length) };
        onPage(page);
      }
      return { ok: true, values: kept.length, truncated: times.length > range.maxValues };
    },
  };
}

describe('uncoveredUntil', () => {
  it('asks the server up to the first local sample when that comes too late, or for everything when there is none', () => {
    expect(uncoveredUntil([], raw(T0, T0 + 60_000))).toBe(T0 + 60_000);
    expect(uncoveredUntil([T0 + 30_000], raw(T0, T0 + 60_000))).toBe(T0 + 30_000);
    expect(uncoveredUntil([T0 + COVERAGE_TOLERANCE_MS], raw(T0, T0 + 60_000))).toBeNull();
    // Less than one of the trend's columns late is covered: the gap could not be drawn anyway.
    expect(uncoveredUntil([T0 + 5_000], { from: T0, to: T0 + 600_000, buckets: 100 })).toBeNull();
  });
});

describe('fillFromServer', () => {
  it('puts the server’s samples for the uncovered stretch before the local ones, in order', async () => {
    const source = server(T0 - 60_000, 1000);
    const answer = await fillFromServer(local([T0 + 10_000, T0 + 11_000]), raw(T0, T0 + 20_000), source, 1000);
    expect(source.asked).toEqual([{ from: T0, to: T0 + 10_000, maxValues: 1000 }]);
    expect(answer.time).toEqual([...Array.from({ length: 10 }, (_, i) => T0 + i * 1000), T0 + 10_000, T0 + 11_000]);
    expect(answer.value.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(answer).toMatchObject({ truncated: false, fromServer: { from: T0, to: T0 + 10_000, values: 10 } });
    expect(answer.error).toBeUndefined();
  });

  it('leaves a covered pen and a pen without server history as the local store answered', async () => {
    const covered = local([T0, T0 + 1000]);
    const source = server(T0 - 60_000, 1000);
    expect(await fillFromServer(covered, raw(T0, T0 + 20_000), source, 1000)).toBe(covered);
    expect(source.asked).toEqual([]);
    const late = local([T0 + 10_000]);
    expect(await fillFromServer(late, raw(T0, T0 + 20_000), { readRaw: () => null }, 1000)).toBe(late);
    expect(await fillFromServer(late, raw(T0, T0 + 20_000), null, 1000)).toBe(late);
  });

  it('keeps the local samples and says why when the server refuses or fails', async () => {
    const refusing: ServerHistory = { readRaw: async (): Promise<ServerHistoryResult> => ({ ok: false, reason: 'Line 1: ns=2;s=A: HistoryRead refused: BadHistoryOperationUnsupported' }) };
    const answer = await fillFromServer(local([T0 + 10_000]), raw(T0, T0 + 20_000), refusing, 1000);
    expect(answer).toMatchObject({ time: [T0 + 10_000], error: 'Line 1: ns=2;s=A: HistoryRead refused: BadHistoryOperationUnsupported' });
    expect(answer.fromServer).toBeUndefined();
    const throwing: ServerHistory = {
      readRaw: () => {
        throw new Error('session closed');
      },
    };
    expect((await fillFromServer(local([T0 + 10_000]), raw(T0, T0 + 20_000), throwing, 1000)).error).toBe('session closed');
  });

  it('answers a raw read cut by the bound with the server’s part only, truncated, so the next page starts there', async () => {
    const answer = await fillFromServer(local([T0 + 100_000]), raw(T0, T0 + 200_000), server(T0, 1000), 30);
    expect(answer.time).toHaveLength(30);
    expect(answer.time.at(-1)).toBe(T0 + 29_000);
    expect(answer.truncated).toBe(true);
  });

  it('keeps a raw answer within the bound by cutting the local part', async () => {
    const answer = await fillFromServer(local([T0 + 10_000, T0 + 11_000, T0 + 12_000]), raw(T0, T0 + 20_000), server(T0, 1000), 12);
    expect(answer.time).toEqual([...Array.from({ length: 10 }, (_, i) => T0 + i * 1000), T0 + 10_000, T0 + 11_000]);
    expect(answer.truncated).toBe(true);
  });

  it('buckets the server’s samples on the request’s columns before the local points', async () => {
    const request = { tagIds: ['plant/A'], from: T0, to: T0 + 100_000, buckets: 10 };
    const answer = await fillFromServer(local([T0 + 50_000, T0 + 60_000]), request, server(T0 - 5000, 100), 100_000);
    // 500 raw samples at 10 Hz over five columns of 10 s: each column's first and last (a ramp's min and max).
    expect(answer.time).toHaveLength(5 * 2 + 2);
    expect(answer.time.slice(0, 2)).toEqual([T0, T0 + 9_900]);
    expect(answer.time.slice(-2)).toEqual([T0 + 50_000, T0 + 60_000]);
    expect(answer.fromServer).toEqual({ from: T0, to: T0 + 50_000, values: 500 });
  });
});
