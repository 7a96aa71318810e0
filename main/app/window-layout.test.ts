import { describe, expect, it } from 'vitest';
import { EMPTY_LAYOUT, forgetWindow, parseWindowLayout, rememberWindow, savedPlacement, serializeWindowLayout, windowKey, windowsToOpen } from './window-layout.js';
import type { SavedPlacement } from './window-placement.js';

const at = (x: number, displayId = 1): SavedPlacement => ({ bounds: { x, y: 0, width: 800, height: 600 }, displayId, maximized: false, fullScreen: false });
const main = { key: 'main', view: 'main', layout: null, placement: at(0) };
const trend = { key: windowKey('trend', 'Boiler'), view: 'trend', layout: 'Boiler', placement: at(2000, 2) };
const alarms = { key: windowKey('alarms', null), view: 'alarms', layout: null, placement: at(4000, 3) };

describe('window layout', () => {
  it('opens only the main window on first start', () => {
    expect(windowsToOpen(EMPTY_LAYOUT)).toEqual([{ view: 'main', layout: null, placement: null }]);
  });

  it('reopens, at the next start, every window that was open when the app quit, each where it was', () => {
    let layout = [main, trend, alarms].reduce(rememberWindow, EMPTY_LAYOUT);
    for (const key of ['main', trend.key, alarms.key]) layout = forgetWindow(layout, key, true);
    const restarted = parseWindowLayout(serializeWindowLayout(layout));
    expect(restarted.error).toBeNull();
    expect(windowsToOpen(restarted.layout)).toEqual([
      { view: 'main', layout: null, placement: at(0) },
      { view: 'trend', layout: 'Boiler', placement: at(2000, 2) },
      { view: 'alarms', layout: null, placement: at(4000, 3) },
    ]);
  });

  it('does not reopen a window the operator closed, but remembers where it was for next time', () => {
    let layout = [main, trend, alarms].reduce(rememberWindow, EMPTY_LAYOUT);
    layout = forgetWindow(layout, trend.key, false);
    expect(windowsToOpen(layout).map((w) => w.view)).toEqual(['main', 'alarms']);
    expect(savedPlacement(layout, trend.key)).toEqual(at(2000, 2));
  });

  it('always reopens the main window, even if it was closed on its own', () => {
    const layout = forgetWindow(rememberWindow(EMPTY_LAYOUT, main), 'main', false);
    expect(windowsToOpen(layout)).toEqual([{ view: 'main', layout: null, placement: at(0) }]);
  });

  it('keeps one record per window: a move replaces the old place', () => {
    const layout = rememberWindow(rememberWindow(EMPTY_LAYOUT, trend), { ...trend, placement: at(2500, 2) });
    expect(layout.windows).toHaveLength(1);
    expect(savedPlacement(layout, trend.key)).toEqual(at(2500, 2));
  });

  it('stays bounded, forgetting the oldest closed window first', () => {
    let layout = rememberWindow(EMPTY_LAYOUT, main);
    for (let i = 0; i < 70; i++) {
      const key = windowKey('trend', `T${i}`);
      layout = forgetWindow(rememberWindow(layout, { key, view: 'trend', layout: `T${i}`, placement: at(i) }), key, false);
    }
    expect(layout.windows.length).toBeLessThanOrEqual(64);
    expect(layout.windows.some((w) => w.key === 'main')).toBe(true);
    expect(layout.windows.some((w) => w.layout === 'T69')).toBe(true);
    expect(layout.windows.some((w) => w.layout === 'T0')).toBe(false);
  });

  it('falls back to the default layout, saying why, for a damaged or foreign file', () => {
    expect(parseWindowLayout(null)).toEqual({ layout: EMPTY_LAYOUT, error: null });
    expect(parseWindowLayout('{"version":1,"windows":[')).toEqual({ layout: EMPTY_LAYOUT, error: 'window layout file is not JSON; windows open at their default places' });
    expect(parseWindowLayout('{"version":2,"windows":[]}').error).toMatch(/^window layout file: version: /);
    const hostile = JSON.stringify({ version: 1, windows: [{ ...trend, view: '../../etc', open: true }] });
    expect(parseWindowLayout(hostile).error).toMatch(/^window layout file: windows\.0\.view: /);
    const tooMany = JSON.stringify({ version: 1, windows: Array.from({ length: 65 }, (_, i) => ({ ...trend, key: `t${i}`, open: true })) });
    expect(parseWindowLayout(tooMany).layout).toBe(EMPTY_LAYOUT);
  });
});
