import { useCallback, useEffect, useState } from 'react';
import type { TrendLayout } from '../../../shared/api/trend-api.js';
import { errorMessage } from '../session/error-message.js';
import { openTrendWindow } from '../trend/open-trend-window.js';
import { setTrendPens } from '../trend/set-trend-pens.js';
import { useServices } from './services-context.js';
import { useTrend } from './trend-context.js';
import { useAppState } from './use-app-state.js';
import { useTrendState } from './use-trend-state.js';

/** Saved layouts (open, save, delete), a window of its own, and the exports. */
export function TrendLayoutControls() {
  const { appStore } = useServices();
  const { trendStore, trendApi, exportCsv, exportPng } = useTrend();
  const bridgeState = useAppState((state) => state.bridgeState);
  const layoutName = useTrendState((state) => state.layoutName);
  const [layouts, setLayouts] = useState<readonly TrendLayout[]>([]);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const say = useCallback((level: 'info' | 'warning' | 'error', text: string) => trendStore.getState().setMessage({ level, text }), [trendStore]);

  const refresh = useCallback(
    () =>
      trendApi.listTrendLayouts().then(
        (list) => {
          setLayouts(list);
          setUnavailable(null);
        },
        (error: unknown) => setUnavailable(errorMessage(error)),
      ),
    [trendApi],
  );
  useEffect(() => {
    if (bridgeState === 'connected') void refresh();
  }, [bridgeState, refresh]);

  const open = (layoutToOpen: string) => {
    const layout = layouts.find((candidate) => candidate.name === layoutToOpen);
    if (layout === undefined) return;
    trendStore.getState().applyLayout(layout);
    setTrendPens(appStore, layout.pens.map((pen) => pen.tagId));
    say('info', `Opened layout “${layout.name}”.`);
  };
  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return say('warning', 'Give the layout a name to save it.');
    const layout = trendStore.getState().captureLayout(trimmed, appStore.getState().pens);
    try {
      await trendApi.saveTrendLayout(layout);
      trendStore.getState().setLayoutName(trimmed);
      say('info', `Saved layout “${trimmed}”.`);
      setName('');
      await refresh();
    } catch (error) {
      say('error', `Could not save layout “${trimmed}”: ${errorMessage(error)}`);
    }
  };
  const remove = async () => {
    if (selected === '') return;
    try {
      await trendApi.deleteTrendLayout({ name: selected });
      if (trendStore.getState().layoutName === selected) trendStore.getState().setLayoutName(null);
      say('info', `Deleted layout “${selected}”.`);
      setSelected('');
      await refresh();
    } catch (error) {
      say('error', `Could not delete layout “${selected}”: ${errorMessage(error)}`);
    }
  };
  const openWindow = () =>
    openTrendWindow(window, trendApi, layoutName, appStore.getState().pens).catch((error: unknown) => say('error', `Could not open a trend window: ${errorMessage(error)}`));

  return (
    <div className="trend-toolbar" role="toolbar" aria-label="Trend layout and export">
      <div className="button-group" role="group" aria-label="Layouts" title={unavailable ?? undefined}>
        <select aria-label="Saved layouts" data-testid="trend-layouts" value={selected} disabled={layouts.length === 0} onChange={(event) => setSelected(event.target.value)}>
          <option value="">{unavailable === null ? (layouts.length === 0 ? 'No saved layouts' : 'Layouts…') : 'Layouts unavailable'}</option>
          {layouts.map((layout) => (
            <option key={layout.name} value={layout.name}>
              {layout.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={selected === ''} onClick={() => open(selected)}>
          Open
        </button>
        <button type="button" disabled={selected === ''} onClick={() => void remove()}>
          Delete
        </button>
        <input aria-label="Layout name" data-testid="trend-layout-name" placeholder={layoutName ?? 'Layout name'} value={name} onChange={(event) => setName(event.target.value)} />
        <button type="button" data-testid="trend-layout-save" onClick={() => void save()}>
          Save
        </button>
      </div>
      <div className="button-group" role="group" aria-label="Export">
        <button type="button" data-testid="trend-export-csv" onClick={exportCsv}>
          Export CSV
        </button>
        <button type="button" data-testid="trend-export-png" onClick={exportPng}>
          Export PNG
        </button>
        <button type="button" data-testid="trend-open-window" onClick={() => void openWindow()}>
          Open in new window
        </button>
      </div>
    </div>
  );
}
