import { createStore } from 'zustand/vanilla';
import type { AxisScaling, TrendLayout } from '../../../shared/api/trend-api.js';
import { NO_DATA_TYPES, type SeenDataTypes } from './data-type-changes.js';
import type { HistoryStatus } from './history-fill.js';
import { penColor } from './pen-color.js';
import { LIVE_DEFAULT, type TrendView, viewToWindow, windowToView } from './trend-view.js';

export interface PenStyle {
  readonly color: string;
  readonly visible: boolean;
  /** A named axis from a layout; "" for the axis of the pen's unit. */
  readonly axis: string;
}

/** Something the trend itself has to say: history missing, a layout that failed to save. */
export interface TrendMessage {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/**
 * One trend's low-rate state: what it shows and how. Which tags are pens, in which order, is
 * the app store's `pens` (the session tells main to keep every sample of those); this store
 * holds how each pen is drawn, keyed by tag id.
 */
export interface TrendState {
  readonly view: TrendView;
  readonly penStyles: Readonly<Record<string, PenStyle>>;
  readonly scalings: Readonly<Record<string, AxisScaling>>;
  readonly layoutName: string | null;
  readonly message: TrendMessage | null;
  readonly history: HistoryStatus;
  readonly dataTypes: SeenDataTypes;
  setView(change: (view: TrendView) => TrendView): void;
  /** Gives new pens a colour not in use and forgets the styles of pens that are gone. */
  syncPens(pens: readonly string[]): void;
  setPenStyle(tagId: string, change: Partial<PenStyle>): void;
  setScaling(axis: string, scaling: AxisScaling): void;
  setMessage(message: TrendMessage | null): void;
  setHistory(history: HistoryStatus): void;
  setDataTypes(dataTypes: SeenDataTypes): void;
  /** Takes a saved layout's styles, scalings and window; the caller sets the pens. */
  applyLayout(layout: TrendLayout): void;
  /** The layout as it stands, to save under `name`. */
  captureLayout(name: string, pens: readonly string[]): TrendLayout;
  /** The saved layout this trend now is (a new window opens it by name). */
  setLayoutName(name: string | null): void;
}

export type TrendStore = ReturnType<typeof createTrendStore>;

export function createTrendStore(view: TrendView = LIVE_DEFAULT) {
  return createStore<TrendState>()((set, get) => ({
    view,
    penStyles: {},
    scalings: {},
    layoutName: null,
    message: null,
    history: { state: 'idle' },
    dataTypes: NO_DATA_TYPES,
    setView: (change) => set((state) => ({ view: change(state.view) })),
    syncPens: (pens) =>
      set((state) => {
        const penStyles = syncStyles(state.penStyles, pens);
        return penStyles === state.penStyles ? state : { penStyles };
      }),
    setPenStyle: (tagId, change) =>
      set((state) => {
        const style = state.penStyles[tagId];
        return style === undefined ? state : { penStyles: { ...state.penStyles, [tagId]: { ...style, ...change } } };
      }),
    setScaling: (axis, scaling) => set((state) => ({ scalings: { ...state.scalings, [axis]: scaling } })),
    setMessage: (message) => set({ message }),
    setHistory: (history) => set({ history }),
    setDataTypes: (dataTypes) => set({ dataTypes }),
    applyLayout: (layout) =>
      set({
        view: windowToView(layout.window),
        penStyles: Object.fromEntries(layout.pens.map((pen) => [pen.tagId, { color: pen.color, visible: pen.visible, axis: pen.axis }])),
        scalings: Object.fromEntries(layout.axes.map((axis) => [axis.axis, axis.scaling])),
        layoutName: layout.name,
      }),
    setLayoutName: (layoutName) => set({ layoutName }),
    captureLayout: (name, pens) => {
      const { penStyles, scalings, view: current } = get();
      return {
        name,
        pens: pens.map((tagId, slot) => ({ tagId, ...(penStyles[tagId] ?? { color: penColor(slot), visible: true, axis: '' }) })),
        axes: Object.entries(scalings).map(([axis, scaling]) => ({ axis, scaling })),
        window: viewToWindow(current),
      };
    },
  }));
}

function syncStyles(styles: Readonly<Record<string, PenStyle>>, pens: readonly string[]): Readonly<Record<string, PenStyle>> {
  const kept = pens.filter((id) => styles[id] !== undefined);
  if (kept.length === pens.length && kept.length === Object.keys(styles).length) return styles;
  const used = new Set(kept.map((id) => styles[id]!.color));
  const next: Record<string, PenStyle> = {};
  let slot = 0;
  for (const id of pens) {
    const style = styles[id];
    if (style !== undefined) {
      next[id] = style;
      continue;
    }
    // The first palette colour no pen uses; with more pens than colours, they repeat in order.
    while (slot < pens.length + 8 && used.has(penColor(slot))) slot++;
    const color = penColor(slot++);
    used.add(color);
    next[id] = { color, visible: true, axis: '' };
  }
  return next;
}
