import { useCallback, useSyncExternalStore } from 'react';
import type { LiveValue } from '../live/live-store.js';
import { useServices } from './services-context.js';

/** The newest sample of one tag; the calling component re-renders at most once per animation frame. */
export function useLiveValue(tagIndex: number): LiveValue | undefined {
  const { liveStore } = useServices();
  const subscribe = useCallback((onChange: () => void) => liveStore.subscribe(tagIndex, onChange), [liveStore, tagIndex]);
  const getSnapshot = useCallback(() => liveStore.latest(tagIndex), [liveStore, tagIndex]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
