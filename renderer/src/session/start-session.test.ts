import { describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../../shared/build-api.js';
import type { ServerEvent, SetTrendedTagsRequest, Snapshot } from '../../../shared/contract.js';
import type { BridgeConnectionState, RendererBridge } from '../bridge/renderer-bridge.js';
import { LiveStore } from '../live/live-store.js';
import { createAppStore } from '../state/app-store.js';
import { makeTagInfo } from '../test-support/make-tag-info.js';
import { ManualFrameScheduler } from '../test-support/manual-frame-scheduler.js';
import { startSession } from './start-session.js';

function fakeBridge(snapshots: Snapshot[]) {
  let state: BridgeConnectionState = 'connecting';
  const stateListeners = new Set<(state: BridgeConnectionState) => void>();
  const eventListeners = new Set<(event: ServerEvent) => void>();
  const trended: SetTrendedTagsRequest[] = [];
  const bridge: RendererBridge = {
    // Methods this test does not exercise answer like a session that never called them.
    ...(buildApi(async () => undefined) as unknown as Omit<RendererBridge, 'connectionState'>),
    get connectionState() {
      return state;
    },
    snapshot: vi.fn(async () => snapshots.shift() ?? { tags: [], connections: [], project: { name: 'Demo plant', file: null, issues: [], lastGood: null } }),
    writeTag: vi.fn(),
    readHistory: vi.fn(async () => []),
    setTrendedTags: vi.fn(async (request: SetTrendedTagsRequest) => {
      trended.push(request);
    }),
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onFrame: () => () => {},
    ackFrame: vi.fn(),
    onConnectionChange: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose: vi.fn(),
  };
  const setState = (next: BridgeConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };
  const emit = (event: ServerEvent) => {
    for (const listener of eventListeners) listener(event);
  };
  return { bridge, setState, emit, trended };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startSession', () => {
  it('loads the snapshot on connect and sends the pens as trended tag indexes', async () => {
    const { bridge, setState, trended } = fakeBridge([{ tags: [makeTagInfo(0), makeTagInfo(1)], connections: [], project: { name: 'Demo plant', file: null, issues: [], lastGood: null } }]);
    const appStore = createAppStore();
    const session = startSession(bridge, appStore, new LiveStore(new ManualFrameScheduler()));
    setState('connected');
    await settle();
    expect(appStore.getState().bridgeState).toBe('connected');
    expect(appStore.getState().tags).toHaveLength(2);
    appStore.getState().togglePen('plant/T1');
    await settle();
    expect(trended.at(-1)).toEqual({ tagIndexes: [1] });
    session.dispose();
  });

  it('after a reconnect, re-reads the snapshot and re-sends pens by their new indexes', async () => {
    const { bridge, setState, trended } = fakeBridge([
      { tags: [makeTagInfo(0), makeTagInfo(1)], connections: [], project: { name: 'Demo plant', file: null, issues: [], lastGood: null } },
      { tags: [makeTagInfo(0, { id: 'plant/T1' }), makeTagInfo(1, { id: 'plant/T0' })], connections: [], project: { name: 'Demo plant', file: null, issues: [], lastGood: null } },
    ]);
    const appStore = createAppStore();
    const session = startSession(bridge, appStore, new LiveStore(new ManualFrameScheduler()));
    setState('connected');
    await settle();
    appStore.getState().togglePen('plant/T1');
    await settle();
    setState('lost');
    expect(appStore.getState().bridgeState).toBe('lost');
    setState('connected');
    await settle();
    expect(trended.map((request) => request.tagIndexes)).toEqual([[], [1], [0]]);
    session.dispose();
  });

  it('applies server events to the app store', () => {
    const { bridge, emit } = fakeBridge([]);
    const appStore = createAppStore();
    const session = startSession(bridge, appStore, new LiveStore(new ManualFrameScheduler()));
    emit({ type: 'notice', level: 'error', message: 'disk full' });
    expect(appStore.getState().notices.map((notice) => notice.message)).toEqual(['disk full']);
    session.dispose();
    emit({ type: 'notice', level: 'error', message: 'after dispose' });
    expect(appStore.getState().notices).toHaveLength(1);
  });
});
