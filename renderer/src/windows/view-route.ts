import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';

/** What a page shows, from its URL: the whole app, one trend, or the alarm views (a second monitor's window). */
export type ViewRoute =
  | { readonly view: 'main' }
  | { readonly view: 'alarms' }
  | { readonly view: 'trend'; readonly layout: string | null; readonly pens: readonly string[] };

/**
 * `?view=alarms` shows the alarm views alone. `?view=trend&layout=NAME` opens a saved
 * layout; `&pen=ID&pen=ID` (tag ids) opens an unsaved trend.
 */
export function parseViewRoute(search: string): ViewRoute {
  const params = new URLSearchParams(search);
  if (params.get('view') === 'alarms') return { view: 'alarms' };
  if (params.get('view') !== 'trend') return { view: 'main' };
  const layout = params.get('layout');
  const pens = params
    .getAll('pen')
    .filter((id) => id.trim() !== '')
    .slice(0, TREND_MAX_PENS);
  return { view: 'trend', layout: layout === null || layout.trim() === '' ? null : layout, pens };
}

/** The same page (and its access token) as a trend of its own. */
export function trendViewUrl(location: Pick<Location, 'origin' | 'pathname' | 'search'>, layout: string | null, pens: readonly string[]): string {
  const params = new URLSearchParams(location.search);
  params.set('view', 'trend');
  params.delete('layout');
  params.delete('pen');
  if (layout !== null) params.set('layout', layout);
  else for (const pen of pens) params.append('pen', pen);
  return `${location.origin}${location.pathname}?${params.toString()}`;
}
