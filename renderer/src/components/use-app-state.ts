import { useStore } from 'zustand';
import type { AppState } from '../state/app-store.js';
import { useServices } from './services-context.js';

/** Selectors must return stored values or primitives: a new object per call re-renders forever. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().appStore, selector);
}
