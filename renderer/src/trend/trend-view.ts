import { TREND_MAX_SPAN_MS, TREND_MIN_SPAN_MS, type TrendWindow } from '../../../shared/api/trend-api.js';
import { assertNever } from '../../../shared/assert-never.js';
import type { ColumnGrid } from './pen-reducer.js';

export const WINDOW_PRESETS = [
  { label: '10 s', spanMs: 10_000 },
  { label: '1 min', spanMs: 60_000 },
  { label: '10 min', spanMs: 600_000 },
  { label: '1 h', spanMs: 3_600_000 },
  { label: '8 h', spanMs: 28_800_000 },
] as const;

export const DEFAULT_SPAN_MS = 60_000;

/**
 * What the trend shows. Live follows now over the last spanMs. Paused is a fixed stretch of
 * time (a pause, a zoom, a pan, a typed range); it remembers the live span to go back to.
 */
export type TrendView =
  | { readonly mode: 'live'; readonly spanMs: number }
  | { readonly mode: 'paused'; readonly from: number; readonly to: number; readonly liveSpanMs: number };

export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

export const LIVE_DEFAULT: TrendView = { mode: 'live', spanMs: DEFAULT_SPAN_MS };

export function viewRange(view: TrendView, now: number): TimeRange {
  switch (view.mode) {
    case 'live':
      return { from: now - view.spanMs, to: now };
    case 'paused':
      return { from: view.from, to: view.to };
    default:
      return assertNever(view);
  }
}

function liveSpan(view: TrendView): number {
  return view.mode === 'live' ? view.spanMs : view.liveSpanMs;
}

function clampSpan(spanMs: number): number {
  return Math.min(TREND_MAX_SPAN_MS, Math.max(TREND_MIN_SPAN_MS, spanMs));
}

/** A fixed stretch, however it came about; spans outside the limits are pulled in around the middle. */
export function pausedAt(view: TrendView, from: number, to: number): TrendView {
  const span = clampSpan(to - from);
  const middle = (from + to) / 2;
  const start = span === to - from ? from : middle - span / 2;
  return { mode: 'paused', from: start, to: start + span, liveSpanMs: liveSpan(view) };
}

export function pause(view: TrendView, now: number): TrendView {
  if (view.mode === 'paused') return view;
  const { from, to } = viewRange(view, now);
  return pausedAt(view, from, to);
}

export function goLive(view: TrendView): TrendView {
  return view.mode === 'live' ? view : { mode: 'live', spanMs: view.liveSpanMs };
}

/** Live: the new span, still live. Paused: the same end time, the new span, still paused. */
export function selectSpan(view: TrendView, spanMs: number): TrendView {
  const span = clampSpan(spanMs);
  if (view.mode === 'live') return { mode: 'live', spanMs: span };
  return { mode: 'paused', from: view.to - span, to: view.to, liveSpanMs: span };
}

/**
 * Zooms by `factor` (below 1 zooms in). Live keeps following now and only changes its span;
 * a paused view keeps the time under the pointer where it is.
 */
export function zoomAt(view: TrendView, anchor: number, factor: number): TrendView {
  if (view.mode === 'live') return { mode: 'live', spanMs: clampSpan(Math.round(view.spanMs * factor)) };
  const at = Math.min(view.to, Math.max(view.from, anchor));
  return pausedAt(view, at - (at - view.from) * factor, at + (view.to - at) * factor);
}

export function panBy(view: TrendView, now: number, deltaMs: number): TrendView {
  const { from, to } = viewRange(view, now);
  return pausedAt(view, from + deltaMs, to + deltaMs);
}

/**
 * The pixel columns for a view. Live columns sit on a grid anchored at time 0, so as the view
 * slides a sample stays in its column (peaks do not shimmer) and only new columns are computed.
 */
export function columnGrid(view: TrendView, now: number, columns: number): ColumnGrid {
  const count = Math.max(1, Math.floor(columns));
  if (view.mode === 'live') {
    const width = view.spanMs / count;
    const end = Math.ceil(now / width);
    return { origin: 0, width, first: end - count, end };
  }
  return { origin: view.from, width: (view.to - view.from) / count, first: 0, end: count };
}

export function viewToWindow(view: TrendView): TrendWindow {
  return view.mode === 'live' ? { mode: 'live', spanMs: view.spanMs } : { mode: 'range', from: view.from, to: view.to };
}

export function windowToView(window: TrendWindow): TrendView {
  switch (window.mode) {
    case 'live':
      return { mode: 'live', spanMs: clampSpan(window.spanMs) };
    case 'range':
      return pausedAt(LIVE_DEFAULT, window.from, window.to);
    default:
      return assertNever(window);
  }
}
