import { describe, expect, it } from 'vitest';
import { TREND_MIN_SPAN_MS } from '../../../shared/api/trend-api.js';
import { columnGrid, goLive, panBy, pause, pausedAt, selectSpan, viewRange, viewToWindow, windowToView, zoomAt, type TrendView } from './trend-view.js';

const NOW = 1_000_000;
const live: TrendView = { mode: 'live', spanMs: 60_000 };

describe('trend view', () => {
  it('follows now while live, and freezes where it was on pause', () => {
    expect(viewRange(live, NOW)).toEqual({ from: NOW - 60_000, to: NOW });
    const paused = pause(live, NOW);
    expect(viewRange(paused, NOW + 5000)).toEqual({ from: NOW - 60_000, to: NOW });
    expect(pause(paused, NOW + 5000)).toBe(paused);
  });

  it('goes back to live with the span it had before pausing or zooming', () => {
    const zoomed = zoomAt(pause(live, NOW), NOW - 30_000, 0.5);
    expect(goLive(zoomed)).toEqual(live);
  });

  it('changes the span of a live view, and of a paused one keeping its end', () => {
    expect(selectSpan(live, 600_000)).toEqual({ mode: 'live', spanMs: 600_000 });
    expect(selectSpan(pause(live, NOW), 10_000)).toEqual({ mode: 'paused', from: NOW - 10_000, to: NOW, liveSpanMs: 10_000 });
  });

  it('zooms a paused view around the pointer, and a live view by its span', () => {
    const paused = pausedAt(live, 0, 1000);
    expect(zoomAt(paused, 250, 0.5)).toEqual({ mode: 'paused', from: 125, to: 625, liveSpanMs: 60_000 });
    expect(zoomAt(live, 0, 2)).toEqual({ mode: 'live', spanMs: 120_000 });
  });

  it('never zooms in past the shortest span', () => {
    const tiny = zoomAt(pausedAt(live, 0, 1000), 500, 0.001);
    expect(tiny.mode === 'paused' && tiny.to - tiny.from).toBe(TREND_MIN_SPAN_MS);
  });

  it('pans into a paused view', () => {
    expect(panBy(live, NOW, -1000)).toEqual({ mode: 'paused', from: NOW - 61_000, to: NOW - 1000, liveSpanMs: 60_000 });
  });

  it('puts live columns on a grid anchored at 0, so they stay put as the view slides', () => {
    const a = columnGrid(live, 60_010, 600);
    const b = columnGrid(live, 60_150, 600);
    expect(a).toEqual({ origin: 0, width: 100, first: 1, end: 601 });
    expect(b.first - a.first).toBe(1);
    expect(columnGrid(pausedAt(live, 500, 1500), NOW, 10)).toEqual({ origin: 500, width: 100, first: 0, end: 10 });
  });

  it('round-trips through a saved layout window', () => {
    expect(windowToView(viewToWindow(live))).toEqual(live);
    expect(viewToWindow(pausedAt(live, 10, 5000))).toEqual({ mode: 'range', from: 10, to: 5000 });
  });
});
