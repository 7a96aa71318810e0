import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { TREND_REQUEST_EVENT, type TrendRequest } from '../alarms/trend-request.js';
import { formatTime } from '../format/format-time.js';
import { errorMessage } from '../session/error-message.js';
import { penKindMessage } from '../trend/pen-kind.js';
import { PenReadouts } from '../trend/pen-readouts.js';
import { setTrendPens } from '../trend/set-trend-pens.js';
import { TrendController } from '../trend/trend-controller.js';
import { axisGroups, trendPens } from '../trend/trend-pens.js';
import { createTrendStore } from '../trend/trend-store.js';
import { pausedAt } from '../trend/trend-view.js';
import { TrendLayoutControls } from './TrendLayoutControls.js';
import { TrendLegend } from './TrendLegend.js';
import { TrendPenPicker } from './TrendPenPicker.js';
import { TrendStatusLine } from './TrendStatusLine.js';
import { TrendToolbar } from './TrendToolbar.js';
import { useServices } from './services-context.js';
import { TrendContext, type TrendServices } from './trend-context.js';
import { useAppState } from './use-app-state.js';

export interface TrendPanelProps {
  /** A trend in a window of its own opens with a saved layout, or with these pens. */
  readonly open?: { readonly layout: string | null; readonly pens: readonly string[] };
}

export function TrendPanel({ open }: TrendPanelProps) {
  const { appStore, liveStore, scheduler, bridge } = useServices();
  const [trendStore] = useState(() => createTrendStore());
  const [readouts] = useState(() => new PenReadouts());
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TrendController | null>(null);
  const penIds = useAppState((state) => state.pens);
  const tags = useAppState((state) => state.tags);
  const bridgeState = useAppState((state) => state.bridgeState);
  const togglePen = useAppState((state) => state.togglePen);
  const penStyles = useStore(trendStore, (state) => state.penStyles);
  const scalings = useStore(trendStore, (state) => state.scalings);
  const typeChanges = useStore(trendStore, (state) => state.dataTypes.changes);
  const pens = useMemo(() => trendPens(penIds, tags, penStyles), [penIds, tags, penStyles]);
  const groups = useMemo(() => axisGroups(pens, scalings), [pens, scalings]);
  const notes = useMemo(
    () =>
      new Map(
        pens.map((pen) => {
          const change = typeChanges[pen.tag.id];
          const changed = change === undefined ? '' : `Data type changed from ${change.from} to ${change.to} at ${formatTime(change.at)}`;
          return [pen.tag.id, [penKindMessage(pen.kind, pen.tag.dataType), changed].filter((text) => text !== '').join('. ')];
        }),
      ),
    [pens, typeChanges],
  );

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const controller = new TrendController(host, { appStore, liveStore, scheduler, readHistory: (request) => bridge.readHistory(request), trendStore, readouts, now: Date.now });
    controllerRef.current = controller;
    return () => {
      controllerRef.current = null;
      controller.dispose();
    };
  }, [appStore, liveStore, scheduler, bridge, trendStore, readouts]);

  // An alarm's "Trend around" (or anything else that asks) holds the view on its stretch of time;
  // history fills it like any paused view, and Back to live returns to following now.
  useEffect(() => {
    const onRequest = (event: Event) => {
      const { from, to } = (event as CustomEvent<TrendRequest>).detail;
      trendStore.getState().setView((view) => pausedAt(view, from, to));
    };
    window.addEventListener(TREND_REQUEST_EVENT, onRequest);
    return () => window.removeEventListener(TREND_REQUEST_EVENT, onRequest);
  }, [trendStore]);

  // A trend window starts from its URL: pens at once, a layout once main can be asked for it.
  const [opened, setOpened] = useState(open === undefined);
  useEffect(() => {
    if (opened || open === undefined) return;
    if (open.layout === null) {
      setTrendPens(appStore, open.pens);
      setOpened(true);
      return;
    }
    if (bridgeState !== 'connected') return;
    const name = open.layout;
    setOpened(true);
    bridge.listTrendLayouts().then(
      (layouts) => {
        const layout = layouts.find((candidate) => candidate.name === name);
        if (layout === undefined) return trendStore.getState().setMessage({ level: 'error', text: `There is no saved layout “${name}”.` });
        trendStore.getState().applyLayout(layout);
        setTrendPens(appStore, layout.pens.map((pen) => pen.tagId));
      },
      (error: unknown) => trendStore.getState().setMessage({ level: 'error', text: `Could not open layout “${name}”: ${errorMessage(error)}` }),
    );
  }, [opened, open, bridgeState, appStore, bridge, trendStore]);

  const services = useMemo(
    (): TrendServices => ({
      trendStore,
      readouts,
      trendApi: bridge,
      exportCsv: () => void controllerRef.current?.exportCsv(),
      exportPng: () => void controllerRef.current?.exportPng(),
    }),
    [trendStore, readouts, bridge],
  );

  return (
    <TrendContext value={services}>
      <section className="trend-panel" data-testid="trend" aria-label="Trend">
        <TrendToolbar />
        <div className="trend-toolbar-row">
          <TrendPenPicker />
          <TrendLayoutControls />
        </div>
        <TrendStatusLine />
        <div className="trend-host" ref={hostRef} data-testid="trend-chart" hidden={pens.length === 0} />
        {pens.length === 0 ? (
          <p className="empty-hint">Pick pens from the tag table, or add one above</p>
        ) : (
          <TrendLegend groups={groups} notes={notes} onRemove={togglePen} />
        )}
      </section>
    </TrendContext>
  );
}
