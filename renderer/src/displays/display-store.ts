import { createStore } from 'zustand/vanilla';
import type { Display } from '../../../shared/api/display-api.js';
import { stepDisplay } from './step-display.js';

/** The project's displays as main last listed them, and which one this page shows. */
export interface DisplayState {
  readonly displays: readonly Display[];
  /** Why the list could not be read; the panel says so instead of showing no displays. */
  readonly error: string | null;
  /** The display shown; kept when a reload drops it, so the page says it is gone rather than jumping elsewhere. */
  readonly current: string | null;
  /** The main window shows the tag table or the displays in its left pane. */
  readonly paneOpen: boolean;
  setDisplays(displays: readonly Display[]): void;
  setError(error: string): void;
  show(name: string): void;
  step(delta: 1 | -1): void;
  setPaneOpen(open: boolean): void;
}

export type DisplayStore = ReturnType<typeof createDisplayStore>;

/** `initial`: the display a window was opened for (?view=display&layout=NAME); null: the project's first. */
export function createDisplayStore(initial: string | null, paneOpen: boolean) {
  return createStore<DisplayState>()((set) => ({
    displays: [],
    error: null,
    current: initial,
    paneOpen,
    setDisplays: (displays) => set((state) => ({ displays, error: null, current: state.current ?? displays[0]?.name ?? null })),
    setError: (error) => set({ error }),
    show: (name) => set({ current: name, paneOpen: true }),
    step: (delta) =>
      set((state) => ({
        current: stepDisplay(
          state.displays.map((d) => d.name),
          state.current,
          delta,
        ),
        paneOpen: true,
      })),
    setPaneOpen: (open) => set({ paneOpen: open }),
  }));
}
