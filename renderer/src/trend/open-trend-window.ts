import type { TrendApi } from '../../../shared/api/trend-api.js';
import { openViewWindow } from '../windows/open-view-window.js';
import { trendViewUrl } from '../windows/view-route.js';

/** A trend in a window of its own: a saved layout, or (in a browser) unsaved pens. */
export async function openTrendWindow(win: Window, trendApi: TrendApi, layout: string | null, pens: readonly string[]): Promise<void> {
  // A desktop window is reopened at the next start by its layout's name; unsaved pens would come back empty.
  if (win.tidewatch !== undefined && layout === null && pens.length > 0) throw new Error('Save the pens as a layout first: a trend window reopens its layout at the next start');
  return openViewWindow(win, trendApi, layout === null ? { view: 'trend' } : { view: 'trend', layout }, trendViewUrl(win.location, layout, pens));
}
