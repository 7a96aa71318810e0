import { describe, expect, it } from 'vitest';
import { displayViewUrl, parseViewRoute, trendViewUrl } from './view-route.js';

describe('view route', () => {
  it('reads the main view by default and a trend view with its layout or pens', () => {
    expect(parseViewRoute('?token=abc')).toEqual({ view: 'main' });
    expect(parseViewRoute('?token=abc&view=trend&layout=Pumps%201')).toEqual({ view: 'trend', layout: 'Pumps 1', pens: [] });
    expect(parseViewRoute('?view=trend&pen=demo%2FA&pen=demo%2FB&pen=')).toEqual({ view: 'trend', layout: null, pens: ['demo/A', 'demo/B'] });
    expect(parseViewRoute('?token=abc&view=alarms')).toEqual({ view: 'alarms' });
    expect(parseViewRoute('?view=displays')).toEqual({ view: 'main' });
    expect(parseViewRoute('?view=display&layout=Tank%20farm')).toEqual({ view: 'display', display: 'Tank farm' });
    expect(parseViewRoute('?view=display&layout=%20')).toEqual({ view: 'display', display: null });
  });

  it('builds a trend URL that keeps the access token, and round-trips', () => {
    const location = { origin: 'http://127.0.0.1:8080', pathname: '/', search: '?token=t0k' };
    const url = trendViewUrl(location, 'Pumps & tanks', []);
    expect(url).toBe('http://127.0.0.1:8080/?token=t0k&view=trend&layout=Pumps+%26+tanks');
    expect(parseViewRoute(new URL(url).search)).toEqual({ view: 'trend', layout: 'Pumps & tanks', pens: [] });
    expect(parseViewRoute(new URL(trendViewUrl(location, null, ['demo/A,1', 'demo/B'])).search)).toMatchObject({ pens: ['demo/A,1', 'demo/B'] });
  });

  it('builds a display URL that keeps the token and drops a trend\'s pens, and round-trips', () => {
    const location = { origin: 'http://127.0.0.1:8080', pathname: '/', search: '?token=t0k&view=trend&pen=demo%2FA' };
    const url = displayViewUrl(location, 'Heating & pumps');
    expect(url).toBe('http://127.0.0.1:8080/?token=t0k&view=display&layout=Heating+%26+pumps');
    expect(parseViewRoute(new URL(url).search)).toEqual({ view: 'display', display: 'Heating & pumps' });
  });
});
