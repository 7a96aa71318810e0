import type { HistoryApi } from '../../../shared/api/history-api.js';
import type { HistorySeries } from '../../../shared/contract.js';
import { StatusCode } from '../../../shared/status-code.js';
import { formatTime } from '../format/format-time.js';
import type { FrameScheduler } from '../live/frame-scheduler.js';
import type { LiveStore } from '../live/live-store.js';
import { errorMessage } from '../session/error-message.js';
import type { AppState, AppStore } from '../state/app-store.js';
import { noteDataTypes } from './data-type-changes.js';
import { downloadBlob, exportFileStem } from './download-blob.js';
import { HistoryFill } from './history-fill.js';
import { lostConnections } from './lost-connections.js';
import { isDrawable } from './pen-kind.js';
import type { PenReadouts } from './pen-readouts.js';
import { readRawHistory } from './read-raw-history.js';
import { TrendChart } from './trend-chart.js';
import { trendCsv } from './trend-csv.js';
import { type TrendPen, axisGroups, chartSetup, trendPens } from './trend-pens.js';
import { trendPng } from './trend-png.js';
import type { TrendStore } from './trend-store.js';
import { type TimeRange, goLive, pausedAt, viewRange, zoomAt } from './trend-view.js';

export interface TrendControllerDeps {
  readonly appStore: AppStore;
  readonly liveStore: LiveStore;
  readonly scheduler: FrameScheduler;
  readonly readHistory: HistoryApi['readHistory'];
  readonly trendStore: TrendStore;
  readonly readouts: PenReadouts;
  readonly now: () => number;
}

/**
 * Ties one trend together outside React: the pens and styles from the stores into the chart,
 * gestures into the view, history behind the samples in memory, gaps where a connection went
 * down, and the exports.
 */
export class TrendController {
  readonly #deps: TrendControllerDeps;
  readonly #host: HTMLElement;
  readonly #history: HistoryFill;
  readonly #chart: TrendChart;
  readonly #unsubscribes: (() => void)[];
  #pens: TrendPen[] = [];
  #panStart: TimeRange | null = null;
  #connectionUp = new Map<string, boolean>();

  constructor(host: HTMLElement, deps: TrendControllerDeps) {
    this.#deps = deps;
    this.#host = host;
    const { appStore, trendStore, liveStore, now } = deps;
    this.#history = new HistoryFill(deps.readHistory, { now, onChange: () => trendStore.getState().setHistory(this.#history.status) });
    this.#chart = new TrendChart(host, {
      live: liveStore,
      scheduler: deps.scheduler,
      now,
      view: () => trendStore.getState().view,
      canHold: (connectionId) => appStore.getState().bridgeState === 'connected' && this.#connectionUp.get(connectionId) !== false,
      history: this.#history,
      readouts: deps.readouts,
      gestures: {
        zoomAt: (anchor, factor) => trendStore.getState().setView((view) => zoomAt(view, anchor, factor)),
        zoomTo: (from, to) => trendStore.getState().setView((view) => pausedAt(view, from, to)),
        pan: (deltaMs, phase) => {
          if (phase === 'start') this.#panStart = this.#chart.range;
          const start = this.#panStart;
          if (start !== null) trendStore.getState().setView((view) => pausedAt(view, start.from + deltaMs, start.to + deltaMs));
        },
        goLive: () => trendStore.getState().setView(goLive),
      },
    });
    this.#unsubscribes = [
      appStore.subscribe((state, previous) => this.#onApp(state, previous)),
      trendStore.subscribe((state, previous) => {
        if (state.penStyles !== previous.penStyles || state.scalings !== previous.scalings) this.#sync();
      }),
    ];
    this.#onApp(appStore.getState(), null);
  }

  /** Every sample of the shown pens in the visible range; history fills what memory no longer holds. */
  async exportCsv(): Promise<void> {
    const { trendStore, liveStore, readHistory } = this.#deps;
    const range = this.#visibleRange();
    const pens = this.#shownPens();
    if (pens.length === 0) return trendStore.getState().setMessage({ level: 'warning', text: 'Nothing to export: no pen is shown' });
    const oldest = (pen: TrendPen) => liveStore.samples(pen.tag.index)?.timeAt(0) ?? Number.POSITIVE_INFINITY;
    const needTo = Math.min(range.to, Math.max(...pens.map(oldest)));
    let history = new Map<string, HistorySeries>();
    let note = '';
    if (needTo > range.from) {
      try {
        const raw = await readRawHistory(readHistory, pens.map((pen) => pen.tag.id), Math.floor(range.from), Math.ceil(needTo));
        history = new Map(raw.series);
        if (!raw.complete) note = ' History was cut short: the file starts later than the view for some pens.';
      } catch (error) {
        note = ` History unavailable (${errorMessage(error)}): the file holds the samples in memory only.`;
      }
    }
    const csvPens = pens.map((pen) => ({ tagId: pen.tag.id, unit: pen.tag.unit, series: liveStore.samples(pen.tag.index), history: history.get(pen.tag.id) }));
    const chunks = trendCsv(csvPens, range.from, range.to);
    downloadBlob(this.#host.ownerDocument, new Blob(chunks, { type: 'text/csv;charset=utf-8' }), `${exportFileStem(this.#deps.now())}.csv`);
    trendStore.getState().setMessage({
      level: note === '' ? 'info' : 'warning',
      text: `Exported ${pens.length} pen${pens.length === 1 ? '' : 's'}, ${formatTime(range.from)} to ${formatTime(range.to)}, as CSV.${note}`,
    });
  }

  async exportPng(): Promise<void> {
    const { trendStore } = this.#deps;
    const canvas = this.#chart.snapshot();
    const range = this.#visibleRange();
    if (canvas === null) return trendStore.getState().setMessage({ level: 'warning', text: 'Nothing to export: no pen is shown' });
    const day = new Date(range.from).toLocaleDateString();
    const legend = this.#shownPens().map((pen) => ({ color: pen.style.color, label: `${pen.tag.name}${pen.tag.unit ? ` (${pen.tag.unit})` : ''}` }));
    try {
      const blob = await trendPng(this.#host.ownerDocument, canvas, `Tidewatch trend, ${day} ${formatTime(range.from)} to ${formatTime(range.to)}`, legend);
      downloadBlob(this.#host.ownerDocument, blob, `${exportFileStem(this.#deps.now())}.png`);
      trendStore.getState().setMessage({ level: 'info', text: 'Exported the chart as PNG.' });
    } catch (error) {
      trendStore.getState().setMessage({ level: 'error', text: errorMessage(error) });
    }
  }

  /**
   * The range as last drawn; between a change of pens or size and the next frame the chart has
   * none, and the view's own range is what the operator is looking at.
   */
  #visibleRange(): TimeRange {
    return this.#chart.range ?? viewRange(this.#deps.trendStore.getState().view, this.#deps.now());
  }

  /** What is on screen: pens shown, that can be drawn at all. */
  #shownPens(): TrendPen[] {
    return this.#pens.filter((pen) => pen.style.visible && isDrawable(pen.kind));
  }

  dispose(): void {
    for (const unsubscribe of this.#unsubscribes) unsubscribe();
    this.#history.dispose();
    this.#chart.dispose();
  }

  #onApp(state: AppState, previous: AppState | null): void {
    if (previous !== null && state.connections !== previous.connections) {
      // A connection that went down leaves a gap, even if main never sent a bad sample for it.
      for (const lost of lostConnections(previous.connections, state.connections)) {
        const tags = this.#pens.filter((pen) => pen.tag.connectionId === lost.id).map((pen) => pen.tag.index);
        this.#deps.liveStore.markGap(tags, lost.since, StatusCode.BadNoCommunication);
      }
    }
    this.#connectionUp = new Map(state.connections.map((connection) => [connection.id, connection.state === 'connected']));
    if (previous === null || state.pens !== previous.pens || state.tags !== previous.tags) this.#sync();
  }

  #sync(): void {
    const { appStore, trendStore, now } = this.#deps;
    const { pens, tags } = appStore.getState();
    trendStore.getState().syncPens(pens);
    const { penStyles, scalings, dataTypes } = trendStore.getState();
    this.#pens = trendPens(pens, tags, penStyles);
    const seen = noteDataTypes(dataTypes, this.#pens.map((pen) => pen.tag), now());
    if (seen !== dataTypes) trendStore.getState().setDataTypes(seen);
    const setup = chartSetup(axisGroups(this.#pens, scalings));
    this.#chart.setPens(setup.pens, setup.axes);
  }
}
