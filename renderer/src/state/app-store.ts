import { createStore } from 'zustand/vanilla';
import type { ConnectionStatus, ProjectStatus, ServerEvent, Snapshot, TagInfo, UiCommand } from '../../../shared/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import type { BridgeConnectionState } from '../bridge/renderer-bridge.js';
import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';
import { togglePen } from './toggle-pen.js';

const MAX_NOTICES = 50;

export interface Notice {
  readonly id: number;
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly time: number;
}

/** Low-rate state only: nothing here changes per sample. Live values live in LiveStore. */
export interface AppState {
  readonly bridgeState: BridgeConnectionState;
  readonly connections: readonly ConnectionStatus[];
  readonly tags: readonly TagInfo[];
  readonly project: ProjectStatus;
  /** The latest menu or shortcut command; seq tells a repeated F8 from a re-render. */
  readonly command: { readonly name: UiCommand; readonly seq: number } | null;
  readonly notices: readonly Notice[];
  /** Tag ids, not indexes: they mean the same tag after the core restarts. */
  readonly pens: readonly string[];
  setBridgeState(state: BridgeConnectionState): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvent(event: ServerEvent): void;
  addNotice(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
  togglePen(tagId: string): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(now: () => number = Date.now) {
  let nextNoticeId = 1;
  return createStore<AppState>()((set) => {
    const addNotice = (level: Notice['level'], message: string) => {
      const notice = { id: nextNoticeId++, level, message, time: now() };
      set((state) => ({ notices: [...state.notices, notice].slice(-MAX_NOTICES) }));
    };
    return {
      bridgeState: 'connecting',
      connections: [],
      tags: [],
      project: { name: '', file: null, issues: [], lastGood: null },
      command: null,
      notices: [],
      pens: [],
      setBridgeState: (bridgeState) => set({ bridgeState }),
      applySnapshot: (snapshot) => {
        const tags = [...snapshot.tags].sort((a, b) => a.index - b.index);
        const ids = new Set(tags.map((tag) => tag.id));
        set((state) => ({
          tags,
          connections: snapshot.connections,
          project: snapshot.project,
          pens: state.pens.filter((pen) => ids.has(pen)),
        }));
      },
      applyEvent: (event) => {
        switch (event.type) {
          case 'connections':
            set({ connections: event.connections });
            return;
          case 'tags':
            // The full list (shared/contract.ts): a tag removed by a project reload disappears.
            set({ tags: event.tags });
            return;
          case 'project':
            set({ project: event.project });
            return;
          case 'command':
            set((state) => ({ command: { name: event.command, seq: (state.command?.seq ?? 0) + 1 } }));
            return;
          case 'alarms':
            // The alarm store (renderer/src/alarms) keeps the alarm list.
            return;
          case 'notice':
            addNotice(event.level, event.message);
            return;
          case 'auth':
            // The login state has its own store (renderer/src/auth).
            return;
          default:
            assertNever(event);
        }
      },
      addNotice,
      dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
      togglePen: (tagId) => set((state) => ({ pens: togglePen(state.pens, tagId, TREND_MAX_PENS) })),
    };
  });
}
