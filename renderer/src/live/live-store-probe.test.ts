import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../../shared/status-code.js';
import { createAppStore } from '../state/app-store.js';
import { makeTagInfo } from '../test-support/make-tag-info.js';
import { ManualFrameScheduler } from '../test-support/manual-frame-scheduler.js';
import { LiveStore } from './live-store.js';
import { liveStoreProbe } from './live-store-probe.js';

describe('liveStoreProbe', () => {
  const setup = () => {
    const liveStore = new LiveStore(new ManualFrameScheduler(), { now: () => 1_000_000 });
    const appStore = createAppStore();
    appStore.getState().applySnapshot({ tags: [makeTagInfo(0), makeTagInfo(3)], connections: [], project: { name: '', file: null, issues: [], lastGood: null } });
    return { liveStore, probe: liveStoreProbe(liveStore, appStore) };
  };

  it('copies the ring of a tag named by id, oldest first', () => {
    const { liveStore, probe } = setup();
    liveStore.append({ count: 3, tag: Uint32Array.of(3, 0, 3), time: Float64Array.of(10, 15, 20), value: Float64Array.of(1, 9, 2), status: Uint32Array.of(StatusCode.Good, StatusCode.Good, StatusCode.BadCommunicationError) });
    expect(probe.ring('plant/T3')).toEqual({ time: [10, 20], value: [1, 2], status: [StatusCode.Good, StatusCode.BadCommunicationError] });
  });

  it('says null for an unknown tag or one with no samples yet', () => {
    const { probe } = setup();
    expect(probe.ring('plant/T9')).toBeNull();
    expect(probe.ring('plant/T0')).toBeNull();
  });

  it('hands out a copy: changing it changes nothing in the store', () => {
    const { liveStore, probe } = setup();
    liveStore.append({ count: 1, tag: Uint32Array.of(0), time: Float64Array.of(10), value: Float64Array.of(1), status: Uint32Array.of(StatusCode.Good) });
    probe.ring('plant/T0')!.value[0] = 99;
    expect(probe.ring('plant/T0')!.value).toEqual([1]);
  });
});
