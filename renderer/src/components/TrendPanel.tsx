import { useEffect, useMemo, useRef } from 'react';
import { TrendChart } from '../trend/trend-chart.js';
import { penColor } from '../trend/pen-color.js';
import type { TrendPen } from '../trend/trend-pen.js';
import { PenLegendItem } from './PenLegendItem.js';
import { useServices } from './services-context.js';
import { useAppState } from './use-app-state.js';

export function TrendPanel() {
  const { appStore, liveStore, scheduler } = useServices();
  const pens = useAppState((state) => state.pens);
  const tags = useAppState((state) => state.tags);
  const togglePen = useAppState((state) => state.togglePen);
  const penTags = useMemo(() => {
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    return pens.flatMap((id) => byId.get(id) ?? []);
  }, [pens, tags]);
  const trendPens = useMemo(
    (): TrendPen[] => penTags.map((tag, slot) => ({ tagIndex: tag.index, color: penColor(slot), stepped: tag.dataType === 'Boolean' })),
    [penTags],
  );
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<TrendChart | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const chart = new TrendChart(host, {
      live: liveStore,
      scheduler,
      now: Date.now,
      isLive: () => appStore.getState().bridgeState === 'connected',
    });
    chartRef.current = chart;
    return () => {
      chartRef.current = null;
      chart.dispose();
    };
  }, [appStore, liveStore, scheduler]);

  useEffect(() => {
    chartRef.current?.setPens(trendPens);
  }, [trendPens]);

  return (
    <section className="trend-panel" data-testid="trend" aria-label="Trend of the last minute">
      <div className="trend-host" ref={hostRef} hidden={penTags.length === 0} />
      {penTags.length === 0 ? (
        <p className="empty-hint">Pick pens from the tag table</p>
      ) : (
        <ol className="trend-legend">
          {penTags.map((tag, slot) => (
            <PenLegendItem key={tag.id} tag={tag} color={penColor(slot)} onRemove={togglePen} />
          ))}
        </ol>
      )}
    </section>
  );
}
