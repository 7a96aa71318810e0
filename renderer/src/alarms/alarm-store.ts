import { createStore } from 'zustand/vanilla';
import type { AlarmList, AlarmView } from '../../../shared/api/alarm-api.js';

export type AlarmPanel = 'closed' | 'summary' | 'journal' | 'kpi';

export interface AlarmNote {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** Low-rate alarm state: the list as main last sent it, and where the operator is. */
export interface AlarmState {
  readonly alarms: readonly AlarmView[];
  readonly revision: number;
  readonly loaded: boolean;
  readonly panel: AlarmPanel;
  readonly focusId: string | null;
  /** The answer to the operator's last action, the server's words included. */
  readonly note: AlarmNote | null;
  applyList(list: AlarmList): void;
  /** A new connection: the next list replaces this one whatever its revision. */
  reset(): void;
  openPanel(panel: AlarmPanel): void;
  focus(id: string | null): void;
  setNote(note: AlarmNote | null): void;
}

export type AlarmStore = ReturnType<typeof createAlarmStore>;

export function createAlarmStore() {
  return createStore<AlarmState>()((set) => ({
    alarms: [],
    revision: -1,
    loaded: false,
    panel: 'closed',
    focusId: null,
    note: null,
    // Events and the fetched list may cross: never go back to an older list.
    applyList: (list) => set((state) => (list.revision < state.revision ? state : { alarms: list.alarms, revision: list.revision, loaded: true })),
    reset: () => set({ revision: -1 }),
    openPanel: (panel) => set({ panel }),
    focus: (focusId) => set({ focusId }),
    setNote: (note) => set({ note }),
  }));
}
