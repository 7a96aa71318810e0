import type { AppStore } from '../state/app-store.js';

/** The alarm summary asks the trend (its owner) for a tag around a time; the trend decides how to show it. */
export interface TrendRequest {
  readonly tagId: string;
  readonly from: number;
  readonly to: number;
}

/** A window event the trend listens for: `detail` is a TrendRequest. */
export const TREND_REQUEST_EVENT = 'tidewatch:trend-request';

const BEFORE_MS = 10 * 60_000;
const AFTER_MS = 5 * 60_000;

export function trendAround(tagId: string, time: number): TrendRequest {
  return { tagId, from: time - BEFORE_MS, to: time + AFTER_MS };
}

/** Makes the tag a pen (if there is room) and tells the trend which window to show. */
export function requestTrend(win: Window, appStore: AppStore, request: TrendRequest): void {
  if (!appStore.getState().pens.includes(request.tagId)) appStore.getState().togglePen(request.tagId);
  win.dispatchEvent(new CustomEvent<TrendRequest>(TREND_REQUEST_EVENT, { detail: request }));
}
