import { createContext, useContext } from 'react';
import type { TrendApi } from '../../../shared/api/trend-api.js';
import type { PenReadouts } from '../trend/pen-readouts.js';
import type { TrendStore } from '../trend/trend-store.js';

/** One trend's own services, below its TrendPanel. */
export interface TrendServices {
  readonly trendStore: TrendStore;
  readonly readouts: PenReadouts;
  readonly trendApi: TrendApi;
  exportCsv(): void;
  exportPng(): void;
}

export const TrendContext = createContext<TrendServices | null>(null);

export function useTrend(): TrendServices {
  const services = useContext(TrendContext);
  if (services === null) throw new Error('useTrend needs a <TrendPanel> above it');
  return services;
}
