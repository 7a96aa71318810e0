import { describe, expect, it, vi } from 'vitest';
import { ApiError, type HistorySeries, type ReadHistoryRequest } from '../../../shared/contract.js';
import { HistoryFill } from './history-fill.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(answer: (request: ReadHistoryRequest) => Promise<readonly HistorySeries[]>) {
  let now = 0;
  const read = vi.fn(answer);
  const onChange = vi.fn();
  const fill = new HistoryFill(read, { now: () => now, onChange });
  return { fill, read, onChange, advance: (ms: number) => (now += ms) };
}

const series = (tagId: string): HistorySeries => ({ tagId, time: [1], value: [2], status: [0], truncated: false });
const want = (from: number, to: number, tagIds = ['a']) => ({ tagIds, from, to, buckets: 100 });

describe('HistoryFill', () => {
  it('asks once for what the view lacks and serves the answer until the view leaves it', async () => {
    const { fill, read } = setup(async (request) => request.tagIds.map(series));
    fill.want(want(0, 10_000));
    fill.want(want(0, 10_000));
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]![0]).toEqual({ tagIds: ['a'], from: 0, to: 10_000, buckets: 100 });
    await settle();
    expect(fill.status).toEqual({ state: 'ready', fromServer: [], serverErrors: [] });
    expect(fill.series('a')?.value).toEqual([2]);
    fill.want(want(50, 10_000));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('asks again for a new pen or a wider view, but not faster than once a second', async () => {
    const { fill, read, advance } = setup(async (request) => request.tagIds.map(series));
    fill.want(want(0, 10_000));
    await settle();
    fill.want(want(0, 10_000, ['a', 'b']));
    expect(read).toHaveBeenCalledTimes(1);
    advance(1000);
    fill.want(want(0, 10_000, ['a', 'b']));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps one request in flight and asks for the newest want when it returns', async () => {
    let resolve: (value: readonly HistorySeries[]) => void = () => {};
    const { fill, read, advance } = setup(() => new Promise((r) => (resolve = r)));
    fill.want(want(0, 10_000));
    fill.want(want(-50_000, 10_000));
    expect(read).toHaveBeenCalledTimes(1);
    advance(2000);
    resolve([series('a')]);
    await settle();
    expect(read).toHaveBeenCalledTimes(2);
    expect(read.mock.calls[1]![0].from).toBe(-50_000);
  });

  it('says why history is unavailable, keeps going without it, and asks a sliding view again only after a while', async () => {
    const { fill, read, advance, onChange } = setup(async () => {
      throw new ApiError('readHistory: not available in this session');
    });
    fill.want(want(0, 10_000));
    await settle();
    expect(fill.status).toEqual({ state: 'unavailable', message: 'readHistory: not available in this session' });
    expect(fill.series('a')).toBeUndefined();
    expect(onChange).toHaveBeenCalled();
    advance(5000);
    fill.want(want(0, 10_000));
    fill.want(want(500, 10_500));
    expect(read).toHaveBeenCalledTimes(1);
    fill.want(want(-100_000, 10_000));
    expect(read).toHaveBeenCalledTimes(2);
    await settle();
    advance(30_000);
    fill.want(want(-99_000, 11_000));
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('says which pens the server filled and why a server refused, keeping every pen’s samples', async () => {
    const { fill } = setup(async () => [
      { ...series('plant/A'), fromServer: { from: 0, to: 5_000, values: 3_000 } },
      { ...series('plant/B'), error: 'Line 1: HistoryRead refused: BadHistoryOperationUnsupported' },
      series('plant/C'),
    ]);
    fill.want(want(0, 10_000, ['plant/A', 'plant/B', 'plant/C']));
    await settle();
    expect(fill.status).toEqual({
      state: 'ready',
      fromServer: ['plant/A'],
      serverErrors: ['plant/B: Line 1: HistoryRead refused: BadHistoryOperationUnsupported'],
    });
    expect(['plant/A', 'plant/B', 'plant/C'].map((id) => fill.series(id)?.value)).toEqual([[2], [2], [2]]);
  });

  it('ignores answers after dispose', async () => {
    const { fill, onChange } = setup(async (request) => request.tagIds.map(series));
    fill.want(want(0, 10_000));
    onChange.mockClear();
    fill.dispose();
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
