import type { TrendApi } from '../../../shared/api/trend-api.js';
import { trendViewUrl } from './view-route.js';

/**
 * A trend in a window of its own, for another monitor. The desktop shell opens a window when
 * asked; a browser page opens its own URL with ?view=trend in a new tab, token included.
 */
export async function openTrendWindow(win: Window, trendApi: TrendApi, layout: string | null, pens: readonly string[]): Promise<void> {
  if (win.tidewatch !== undefined) {
    // A desktop window is reopened at the next start by its layout's name; unsaved pens would come back empty.
    if (layout === null && pens.length > 0) throw new Error('Save the pens as a layout first: a trend window reopens its layout at the next start');
    return trendApi.openWindow(layout === null ? { view: 'trend' } : { view: 'trend', layout });
  }
  const opened = win.open(trendViewUrl(win.location, layout, pens), '_blank');
  if (opened === null) throw new Error('The browser blocked the new window: allow pop-ups for this page');
  opened.opener = null;
}
