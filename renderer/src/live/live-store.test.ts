import { describe, expect, it, vi } from 'vitest';
import type { FrameColumns } from '../../../shared/frame-codec.js';
import { FRAME_FLAG_SAMPLES_DROPPED } from '../../../shared/frame-codec.js';
import { StatusCode } from '../../../shared/status-code.js';
import { FUTURE_TOLERANCE_MS, LiveStore, MAX_TAG_INDEX, STATUS_DATA_LOST } from './live-store.js';
import { BYTES_PER_SAMPLE } from './retention-claims.js';
import type { SampleSeries } from './sample-series.js';
import { ManualFrameScheduler } from '../test-support/manual-frame-scheduler.js';

function columns(samples: readonly (readonly [tag: number, time: number, value: number, status?: number])[]): FrameColumns {
  return {
    count: samples.length,
    tag: Uint32Array.from(samples.map(([tag]) => tag)),
    time: Float64Array.from(samples.map(([, time]) => time)),
    value: Float64Array.from(samples.map(([, , value]) => value)),
    status: Uint32Array.from(samples.map(([, , , status]) => status ?? StatusCode.Good)),
  };
}

function setup(options: ConstructorParameters<typeof LiveStore>[1] = {}) {
  const scheduler = new ManualFrameScheduler();
  return { scheduler, store: new LiveStore(scheduler, { now: () => 1_000_000, ...options }) };
}

function rows(series: SampleSeries | undefined): [number, number, number][] {
  if (series === undefined) return [];
  return Array.from({ length: series.length }, (_, i) => [series.timeAt(i), series.valueAt(i), series.statusAt(i)]);
}

describe('LiveStore', () => {
  it('notifies a tag subscriber once per animation frame however many frames arrived', () => {
    const { scheduler, store } = setup();
    const listener = vi.fn();
    store.subscribe(1, listener);
    store.append(columns([[1, 10, 1]]));
    store.append(columns([[1, 20, 2], [1, 30, 3]]));
    expect(listener).not.toHaveBeenCalled();
    expect(scheduler.pending).toBe(1);
    scheduler.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.latest(1)).toEqual({ time: 30, value: 3, status: StatusCode.Good });
    expect(store.samples(1)?.length).toBe(3);
  });

  it('notifies only the subscribers of tags that changed', () => {
    const { scheduler, store } = setup();
    const one = vi.fn();
    const two = vi.fn();
    store.subscribe(1, one);
    store.subscribe(2, two);
    store.append(columns([[2, 10, 5]]));
    scheduler.runFrame();
    expect(one).not.toHaveBeenCalled();
    expect(two).toHaveBeenCalledTimes(1);
  });

  it('keeps the snapshot object stable until it notifies, as useSyncExternalStore requires', () => {
    const { scheduler, store } = setup();
    store.append(columns([[1, 10, 1]]));
    scheduler.runFrame();
    const first = store.latest(1);
    store.append(columns([[1, 20, 2]]));
    expect(store.latest(1)).toBe(first);
    scheduler.runFrame();
    expect(store.latest(1)).not.toBe(first);
    expect(store.latest(1)?.value).toBe(2);
  });

  it('buffers tags it has never heard of, by index', () => {
    const { scheduler, store } = setup();
    store.append(columns([[4000, 10, 7, StatusCode.BadSensorFailure]]));
    scheduler.runFrame();
    expect(store.latest(4000)).toEqual({ time: 10, value: 7, status: StatusCode.BadSensorFailure });
    expect(store.latest(3999)).toBeUndefined();
  });

  it('rejects absurd tag indexes instead of allocating for them', () => {
    const { store } = setup();
    store.append(columns([[MAX_TAG_INDEX, 10, 1], [1, 10, 1]]));
    expect(store.rejectedSamples).toBe(1);
    expect(store.samples(MAX_TAG_INDEX)).toBeUndefined();
    expect(store.samples(1)?.length).toBe(1);
  });

  it('advances a tag revision only when that tag gets samples', () => {
    const { store } = setup();
    store.append(columns([[1, 10, 1]]));
    const one = store.revision(1);
    store.append(columns([[2, 10, 1]]));
    expect(store.revision(1)).toBe(one);
    store.append(columns([[1, 20, 1]]));
    expect(store.revision(1)).toBeGreaterThan(one);
  });

  it('forgets everything on reset and tells subscribers', () => {
    const { scheduler, store } = setup();
    const listener = vi.fn();
    store.subscribe(1, listener);
    store.append(columns([[1, 10, 1]]));
    scheduler.runFrame();
    store.reset();
    scheduler.runFrame();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.latest(1)).toBeUndefined();
    expect(store.samples(1)).toBeUndefined();
  });

  it('stops notifying after unsubscribe and leaves no frame pending after dispose', () => {
    const { scheduler, store } = setup();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(1, listener);
    unsubscribe();
    store.append(columns([[1, 10, 1]]));
    scheduler.runFrame();
    expect(listener).not.toHaveBeenCalled();
    store.append(columns([[1, 20, 1]]));
    store.dispose();
    expect(scheduler.pending).toBe(0);
  });

  it('keeps out of the ring, and counts, samples whose time is unusable; the latest value still shows them', () => {
    const { store } = setup();
    store.append(columns([[1, 100, 1], [1, Number.NaN, 2], [1, 1_000_000 + FUTURE_TOLERANCE_MS + 1, 3], [1, 200, 4]]));
    expect(rows(store.samples(1)).map(([t]) => t)).toEqual([100, 200]);
    expect(store.issues(1)).toMatchObject({ badTime: 1, future: 1, outOfOrder: 0 });
    expect(store.latest(1)?.value).toBe(4);
    expect(store.issues(2)).toBeUndefined();
  });

  it('slots a slightly late sample in order, and counts one too late to slot in', () => {
    const { store } = setup();
    const samples: [number, number, number][] = [];
    for (let t = 1; t <= 200; t++) samples.push([1, t, t]);
    store.append(columns([...samples, [1, 199.5, -1], [1, 5, -2]]));
    const ring = rows(store.samples(1));
    expect(ring).toHaveLength(201);
    expect(ring.at(-2)).toEqual([199.5, -1, StatusCode.Good]);
    expect(store.issues(1)?.outOfOrder).toBe(1);
  });

  it('counts NaN and infinite values, which the trend draws as gaps', () => {
    const { store } = setup();
    store.append(columns([[1, 10, Number.NaN], [1, 20, Number.POSITIVE_INFINITY], [1, 30, 1]]));
    expect(store.issues(1)?.nonFinite).toBe(2);
    expect(store.samples(1)?.length).toBe(3);
  });

  it('marks a gap before the first sample of each trended tag in a frame where main dropped samples', () => {
    const { store } = setup();
    store.retain(store, new Map([[1, 60_000]]));
    store.append(columns([[1, 10, 1], [2, 10, 1]]));
    store.append(columns([[1, 50, 5], [2, 50, 5], [1, 60, 6]]), FRAME_FLAG_SAMPLES_DROPPED);
    const one = rows(store.samples(1));
    expect(one.map(([t, , s]) => [t, s])).toEqual([
      [10, StatusCode.Good],
      [50, STATUS_DATA_LOST],
      [50, StatusCode.Good],
      [60, StatusCode.Good],
    ]);
    expect(Number.isNaN(one[1]![1])).toBe(true);
    expect(store.samples(2)?.length).toBe(2);
  });

  it('marks a connection gap once in the trended tags that have samples', () => {
    const { store } = setup();
    store.retain(store, new Map([[1, 60_000], [3, 60_000]]));
    store.append(columns([[1, 10, 1], [2, 10, 1]]));
    const before = store.revision(1);
    store.markGap([1, 2, 3], 20, StatusCode.BadNoCommunication);
    store.markGap([1], 20, StatusCode.BadNoCommunication);
    expect(rows(store.samples(1)).map(([t, , s]) => [t, s])).toEqual([
      [10, StatusCode.Good],
      [20, StatusCode.BadNoCommunication],
    ]);
    expect(store.revision(1)).toBeGreaterThan(before);
    expect(store.samples(2)?.length).toBe(1);
    expect(store.samples(3)).toBeUndefined();
  });

  it('keeps a claimed tag for the longest claim, within its share of the memory budget, and gives it back', () => {
    const { store } = setup({ trendMemoryBytes: 1000 * BYTES_PER_SAMPLE });
    const trendA = {};
    const trendB = {};
    store.retain(trendA, new Map([[1, 100], [2, 100]]));
    store.retain(trendB, new Map([[1, 10_000]]));
    const samples: [number, number, number][] = [];
    for (let t = 0; t < 2000; t++) samples.push([1, t, t], [2, t, t], [3, t, t]);
    store.append(columns(samples));
    expect(store.samples(1)?.length).toBe(500);
    expect(store.samples(2)?.length).toBeLessThan(300);
    expect(store.samples(3)?.length).toBe(2000);
    store.retain(trendB, new Map());
    expect(store.samples(1)?.length).toBe(101);
  });

  it('keeps claims across a reset, so a reconnected trend fills its long window again', () => {
    const { store } = setup({ trendMemoryBytes: 1e9 });
    store.retain(store, new Map([[1, 1e9]]));
    store.reset();
    const samples: [number, number, number][] = [];
    for (let t = 0; t < 20_000; t++) samples.push([1, t, t]);
    store.append(columns(samples));
    expect(store.samples(1)?.length).toBe(20_000);
  });
});
