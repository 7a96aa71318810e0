import { useCallback, useSyncExternalStore } from 'react';
import type { PenReadout } from '../trend/pen-readouts.js';
import { useTrend } from './trend-context.js';

/** A pen's figures over the view and at the cursor; re-renders at most once per frame. */
export function usePenReadout(tagId: string): PenReadout | undefined {
  const { readouts } = useTrend();
  const subscribe = useCallback((onChange: () => void) => readouts.subscribe(onChange), [readouts]);
  return useSyncExternalStore(subscribe, () => readouts.get(tagId));
}

export function useCursorTime(): number | null {
  const { readouts } = useTrend();
  const subscribe = useCallback((onChange: () => void) => readouts.subscribe(onChange), [readouts]);
  return useSyncExternalStore(subscribe, () => readouts.cursorTime);
}
