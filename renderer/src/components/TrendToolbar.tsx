import { formatTime } from '../format/format-time.js';
import { type TrendView, WINDOW_PRESETS, goLive, panBy, pause, selectSpan, viewRange, zoomAt } from '../trend/trend-view.js';
import { TrendRangeForm } from './TrendRangeForm.js';
import { useTrend } from './trend-context.js';
import { useTrendState } from './use-trend-state.js';

/** Zoom and pan buttons move by these factors: the same as a few wheel notches or a drag, for keyboard users. */
const ZOOM_STEP = 2;
const PAN_STEP = 0.5;

/** The time controls: window presets, live or paused, zoom and pan, a typed range. */
export function TrendToolbar() {
  const { trendStore } = useTrend();
  const view = useTrendState((state) => state.view);
  const setView = (change: (view: TrendView) => TrendView) => trendStore.getState().setView(change);
  const span = view.mode === 'live' ? view.spanMs : view.to - view.from;
  const centre = () => {
    const { from, to } = viewRange(trendStore.getState().view, Date.now());
    return (from + to) / 2;
  };
  return (
    <div className="trend-toolbar" role="toolbar" aria-label="Trend time">
      <div className="button-group" role="group" aria-label="Window">
        {WINDOW_PRESETS.map((preset) => (
          <button
            key={preset.spanMs}
            type="button"
            data-testid="trend-preset"
            data-span-ms={preset.spanMs}
            aria-pressed={span === preset.spanMs}
            onClick={() => setView((current) => selectSpan(current, preset.spanMs))}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {view.mode === 'live' ? (
        <button type="button" data-testid="trend-pause" onClick={() => setView((current) => pause(current, Date.now()))}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="go-live" data-testid="trend-go-live" onClick={() => setView(goLive)}>
          ▶ Back to live
        </button>
      )}
      <span className="trend-mode" data-testid="trend-mode" data-mode={view.mode} data-from={view.mode === 'paused' ? view.from : undefined} data-to={view.mode === 'paused' ? view.to : undefined} role="status">
        {view.mode === 'live' ? 'Live' : `Paused: ${new Date(view.from).toLocaleDateString()} ${formatTime(view.from)} to ${formatTime(view.to)}`}
      </span>
      <div className="button-group" role="group" aria-label="Zoom and pan">
        <button type="button" aria-label="Zoom in" title="Zoom in (or turn the mouse wheel over the chart)" onClick={() => setView((v) => zoomAt(v, centre(), 1 / ZOOM_STEP))}>
          +
        </button>
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => setView((v) => zoomAt(v, centre(), ZOOM_STEP))}>
          −
        </button>
        <button type="button" aria-label="Earlier" title="Earlier (or shift-drag the chart)" onClick={() => setView((v) => panBy(v, Date.now(), -span * PAN_STEP))}>
          ◀
        </button>
        <button type="button" aria-label="Later" title="Later" onClick={() => setView((v) => panBy(v, Date.now(), span * PAN_STEP))}>
          ▶
        </button>
      </div>
      <TrendRangeForm />
    </div>
  );
}
