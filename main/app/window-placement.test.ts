import { describe, expect, it } from 'vitest';
import { displayOf, placeWindow, type DisplayArea, type SavedPlacement } from './window-placement.js';

// Two 1920x1080 monitors side by side, a 40 px task bar at the bottom of each.
const left: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right: DisplayArea = { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } };
const size = { width: 1440, height: 900 };
const saved = (bounds: SavedPlacement['bounds'], displayId: number | null = null, extra: Partial<SavedPlacement> = {}): SavedPlacement => ({
  bounds,
  displayId,
  maximized: false,
  fullScreen: false,
  ...extra,
});

describe('placeWindow', () => {
  it('opens a window never seen before centred on the primary monitor', () => {
    expect(placeWindow(null, [left, right], 1, size)).toEqual({ bounds: { x: 240, y: 70, width: 1440, height: 900 }, displayId: 1, maximized: false, fullScreen: false });
  });

  it('puts a window back exactly where it was when its monitor is still there', () => {
    const trend = saved({ x: 2000, y: 100, width: 1200, height: 800 }, 2, { maximized: true });
    expect(placeWindow(trend, [left, right], 1, size)).toEqual({ bounds: trend.bounds, displayId: 2, maximized: true, fullScreen: false });
  });

  it('moves a window whose monitor was unplugged onto the primary one, whole', () => {
    const onRight = saved({ x: 2000, y: 100, width: 1200, height: 800 }, 2, { fullScreen: true });
    expect(placeWindow(onRight, [left], 1, size)).toEqual({ bounds: { x: 360, y: 120, width: 1200, height: 800 }, displayId: 1, maximized: false, fullScreen: true });
  });

  it('finds the monitor by overlap when its id changed (a driver update, another port)', () => {
    const renumbered: DisplayArea = { ...right, id: 7 };
    const placement = placeWindow(saved({ x: 2000, y: 100, width: 1200, height: 800 }, 2), [left, renumbered], 1, size);
    expect(placement).toMatchObject({ displayId: 7, bounds: { x: 2000, y: 100 } });
  });

  it('pulls a window hanging off the edge fully onto its monitor', () => {
    expect(placeWindow(saved({ x: 1500, y: -50, width: 1000, height: 700 }, 1), [left, right], 1, size).bounds).toEqual({ x: 920, y: 0, width: 1000, height: 700 });
    expect(placeWindow(saved({ x: -300, y: 900, width: 800, height: 600 }, 1), [left, right], 1, size).bounds).toEqual({ x: 0, y: 440, width: 800, height: 600 });
  });

  it('shrinks a window larger than a smaller monitor that replaced the old one', () => {
    const small: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1280, height: 984 } };
    expect(placeWindow(saved({ x: 0, y: 0, width: 1900, height: 1040 }, 1), [small], 1, size).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 984 });
  });

  it('keeps a usable minimum size, but never larger than the monitor', () => {
    expect(placeWindow(saved({ x: 10, y: 10, width: 50, height: 20 }, 1), [left], 1, size).bounds).toEqual({ x: 10, y: 10, width: 640, height: 400 });
    const tiny: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 600, height: 360 } };
    expect(placeWindow(saved({ x: 10, y: 10, width: 50, height: 20 }, 1), [tiny], 1, size).bounds).toEqual({ x: 0, y: 0, width: 600, height: 360 });
  });

  it('handles monitors left of or above the primary (negative coordinates)', () => {
    const above: DisplayArea = { id: 3, workArea: { x: 0, y: -1080, width: 1920, height: 1080 } };
    expect(placeWindow(saved({ x: 100, y: -1000, width: 800, height: 600 }, 3), [left, above], 1, size)).toMatchObject({ displayId: 3, bounds: { x: 100, y: -1000 } });
  });
});

describe('displayOf', () => {
  it('names the monitor a window mostly covers, to be saved with it', () => {
    expect(displayOf({ x: 1800, y: 0, width: 800, height: 600 }, [left, right])?.id).toBe(2);
    expect(displayOf({ x: 5000, y: 0, width: 800, height: 600 }, [left, right])).toBeNull();
  });
});
