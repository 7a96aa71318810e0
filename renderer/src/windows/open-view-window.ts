import type { OpenWindowRequest, TrendApi } from '../../../shared/api/trend-api.js';

/**
 * A view in a window of its own, for another monitor. The desktop shell opens a window
 * when asked (and reopens it at the next start); a browser page opens `browserUrl`,
 * its own URL with the view and the access token, in a new tab.
 */
export async function openViewWindow(win: Window, api: Pick<TrendApi, 'openWindow'>, request: OpenWindowRequest, browserUrl: string): Promise<void> {
  if (win.tidewatch !== undefined) return api.openWindow(request);
  const opened = win.open(browserUrl, '_blank');
  if (opened === null) throw new Error('The browser blocked the new window: allow pop-ups for this page');
  opened.opener = null;
}
