import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';

/** What a page shows, from its URL: the whole app, one trend, one process display, or the alarm views (a second monitor's window). */
export type ViewRoute =
  | { readonly view: 'main' }
  | { readonly view: 'alarms' }
  | { readonly view: 'display'; readonly display: string | null }
  | { readonly view: 'trend'; readonly layout: string | null; readonly pens: readonly string[] };

type Where = Pick<Location, 'origin' | 'pathname' | 'search'>;

/**
 * `?view=alarms` shows the alarm views alone. `?view=trend&layout=NAME` opens a saved
 * layout; `&pen=ID&pen=ID` (tag ids) opens an unsaved trend. `?view=display&layout=NAME`
 * opens a process display (`layout` is every window's "which one", as the desktop shell
 * remembers its windows).
 */
export function parseViewRoute(search: string): ViewRoute {
  const params = new URLSearchParams(search);
  const layout = nonEmpty(params.get('layout'));
  switch (params.get('view')) {
    case 'alarms':
      return { view: 'alarms' };
    case 'display':
      return { view: 'display', display: layout };
    case 'trend': {
      const pens = params
        .getAll('pen')
        .filter((id) => id.trim() !== '')
        .slice(0, TREND_MAX_PENS);
      return { view: 'trend', layout, pens };
    }
    default:
      return { view: 'main' };
  }
}

/** The same page (and its access token) as a trend of its own. */
export function trendViewUrl(location: Where, layout: string | null, pens: readonly string[]): string {
  return viewUrl(location, 'trend', (params) => {
    if (layout !== null) params.set('layout', layout);
    else for (const pen of pens) params.append('pen', pen);
  });
}

/** The same page (and its access token) as one process display. */
export function displayViewUrl(location: Where, display: string): string {
  return viewUrl(location, 'display', (params) => params.set('layout', display));
}

function viewUrl(location: Where, view: string, fill: (params: URLSearchParams) => void): string {
  const params = new URLSearchParams(location.search);
  params.set('view', view);
  params.delete('layout');
  params.delete('pen');
  fill(params);
  return `${location.origin}${location.pathname}?${params.toString()}`;
}

function nonEmpty(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
