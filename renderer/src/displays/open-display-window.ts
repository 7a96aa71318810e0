import type { TrendApi } from '../../../shared/api/trend-api.js';
import { openViewWindow } from '../windows/open-view-window.js';
import { displayViewUrl } from '../windows/view-route.js';

/** A process display in a window of its own, for another monitor. */
export function openDisplayWindow(win: Window, api: Pick<TrendApi, 'openWindow'>, display: string): Promise<void> {
  return openViewWindow(win, api, { view: 'display', layout: display }, displayViewUrl(win.location, display));
}
