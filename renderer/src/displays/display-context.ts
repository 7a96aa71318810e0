import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DisplayState, DisplayStore } from './display-store.js';

export const DisplayContext = createContext<DisplayStore | null>(null);

export function useDisplayStore(): DisplayStore {
  const store = useContext(DisplayContext);
  if (store === null) throw new Error('useDisplayStore needs a <DisplayProvider> above it (see App.tsx)');
  return store;
}

/** Selectors must return stored values or primitives: a new object per call re-renders forever. */
export function useDisplayState<T>(selector: (state: DisplayState) => T): T {
  return useStore(useDisplayStore(), selector);
}
