import { useStore } from 'zustand';
import type { TrendState } from '../trend/trend-store.js';
import { useTrend } from './trend-context.js';

/** Selectors must return stored values or primitives: a new object per call re-renders forever. */
export function useTrendState<T>(selector: (state: TrendState) => T): T {
  return useStore(useTrend().trendStore, selector);
}
