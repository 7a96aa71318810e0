import { describe, expect, it, vi } from 'vitest';
import type { FrameColumns } from '../../../shared/frame-codec.js';
import { StatusCode } from '../../../shared/status-code.js';
import { LiveStore, MAX_TAG_INDEX } from './live-store.js';
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

function setup() {
  const scheduler = new ManualFrameScheduler();
  return { scheduler, store: new LiveStore(scheduler) };
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
});
