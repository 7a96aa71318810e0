import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AlarmClient } from './alarm-client.js';
import type { AlarmState, AlarmStore } from './alarm-store.js';
import type { Annunciator } from './annunciator.js';

export interface AlarmServices {
  readonly store: AlarmStore;
  readonly client: AlarmClient;
  readonly annunciator: Annunciator;
  /** This page has a trend an alarm's "Trend around" can show; the alarms-only window has none. */
  readonly trendHere: boolean;
}

export const AlarmContext = createContext<AlarmServices | null>(null);

export function useAlarms(): AlarmServices {
  const services = useContext(AlarmContext);
  if (services === null) throw new Error('useAlarms needs an <AlarmProvider> above it (see App.tsx)');
  return services;
}

/** Selectors must return stored values or primitives: a new object per call re-renders forever. */
export function useAlarmState<T>(selector: (state: AlarmState) => T): T {
  return useStore(useAlarms().store, selector);
}
