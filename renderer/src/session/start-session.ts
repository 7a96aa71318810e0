import type { RendererBridge } from '../bridge/renderer-bridge.js';
import { FramePump } from '../live/frame-pump.js';
import type { LiveStore } from '../live/live-store.js';
import type { AppStore } from '../state/app-store.js';
import { trendedTagIndexes } from '../state/trended-tag-indexes.js';
import { errorMessage } from './error-message.js';

export interface Session {
  dispose(): void;
}

/**
 * Wires the bridge to the stores: frames into the live store, events and snapshots into the
 * app store, pens out to main as trended tags. Every (re)connect starts from a fresh snapshot,
 * because a restarted core may have numbered its tags differently.
 */
export function startSession(bridge: RendererBridge, appStore: AppStore, liveStore: LiveStore): Session {
  const pump = new FramePump(bridge, liveStore);
  let generation = 0;
  let sentTrended: string | null = null;

  const syncTrended = () => {
    const { pens, tags } = appStore.getState();
    const tagIndexes = trendedTagIndexes(pens, tags);
    const key = tagIndexes.join(',');
    if (bridge.connectionState !== 'connected' || key === sentTrended) return;
    sentTrended = key;
    bridge.setTrendedTags({ tagIndexes }).catch((error: unknown) => {
      if (bridge.connectionState !== 'connected') return;
      sentTrended = null;
      appStore.getState().addNotice('warning', `Could not tell Tidewatch which tags are trended: ${errorMessage(error)}`);
    });
  };

  const resync = async () => {
    const mine = ++generation;
    liveStore.reset();
    sentTrended = null;
    try {
      const snapshot = await bridge.snapshot();
      if (mine !== generation) return;
      appStore.getState().applySnapshot(snapshot);
      syncTrended();
    } catch (error) {
      // A snapshot lost to a dropped connection is retried on reconnect; only a refusal is news.
      if (mine === generation && bridge.connectionState === 'connected') {
        appStore.getState().addNotice('error', `Could not load tags and connections: ${errorMessage(error)}`);
      }
    }
  };

  const onState = (state: RendererBridge['connectionState']) => {
    appStore.getState().setBridgeState(state);
    if (state === 'connected') void resync();
  };

  const unsubscribes = [
    bridge.onEvent((event) => appStore.getState().applyEvent(event)),
    bridge.onConnectionChange(onState),
    appStore.subscribe((state, previous) => {
      if (state.pens !== previous.pens || state.tags !== previous.tags) syncTrended();
    }),
  ];
  onState(bridge.connectionState);

  return {
    dispose: () => {
      generation++;
      for (const unsubscribe of unsubscribes) unsubscribe();
      pump.dispose();
    },
  };
}
