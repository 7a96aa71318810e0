import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';
import type { AppStore } from '../state/app-store.js';

/**
 * Replaces the trend's pens (a layout opened, a trend window started). The app store's `pens`
 * stay the one list of trended tags, which the session sends to main.
 */
export function setTrendPens(appStore: AppStore, pens: readonly string[]): void {
  appStore.setState({ pens: [...new Set(pens)].slice(0, TREND_MAX_PENS) });
}

/** Adds a pen at the end, once, while there is room. */
export function addTrendPen(appStore: AppStore, tagId: string): boolean {
  const { pens } = appStore.getState();
  if (pens.includes(tagId)) return true;
  if (pens.length >= TREND_MAX_PENS) return false;
  setTrendPens(appStore, [...pens, tagId]);
  return true;
}
