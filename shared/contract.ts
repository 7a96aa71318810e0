import type { ProjectApi } from './api/project-api.js';
import type { AlarmApi, AlarmsEvent } from './api/alarm-api.js';
import type { AuditApi } from './api/audit-api.js';
import type { CommandApi } from './api/command-api.js';
import type { ConnectionApi } from './api/connection-api.js';
import type { DisplayApi } from './api/display-api.js';
import type { AuthApi, AuthEvent, OperatorApi } from './api/auth-api.js';
import type { HistoryApi } from './api/history-api.js';
import type { LiveApi } from './api/live-api.js';
import type { TrendApi } from './api/trend-api.js';

export type { SetTrendedTagsRequest, WriteTagRequest, WriteTagResult } from './api/live-api.js';
export type { HistorySeries, ReadHistoryRequest } from './api/history-api.js';

/**
 * The one contract between main and the renderer. main/api implements
 * TidewatchApi once; the Electron preload and the WebSocket client both expose
 * it as TidewatchBridge, so the renderer cannot tell which shell it runs in.
 */
export interface EuRange {
  readonly low: number;
  readonly high: number;
}

export interface TagInfo {
  /** Position in every frame's tag column; stable for the life of the core. */
  readonly index: number;
  /** Unique, human-readable id: "<connection id>/<name>". */
  readonly id: string;
  readonly name: string;
  /** What the table and trend legends show: the project's display name, else the name. */
  readonly displayName: string;
  readonly description: string;
  readonly connectionId: string;
  readonly nodeId: string;
  /** The project's unit when it gives one, else the server's EngineeringUnits; "" until known. */
  readonly unit: string;
  /** Decimal places the project asks for; null: chosen from the range. */
  readonly decimals: number | null;
  readonly euRange: EuRange | null;
  /** OPC UA built-in type name as read from the server, "" until known. */
  readonly dataType: string;
  readonly writable: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'stopped';

export interface ConnectionStatus {
  readonly id: string;
  readonly name: string;
  readonly endpointUrl: string;
  readonly state: ConnectionState;
  /** The last thing that went wrong, for the status bar; null when healthy. */
  readonly lastError: string | null;
  readonly reconnects: number;
  /** Silence from the server this long turns its tags Bad (the keep-alive period); null before anything is subscribed. */
  readonly keepAliveMs: number | null;
  /** When the state last changed, ms since epoch. */
  readonly since: number;
}

/** Which project runs, and what is wrong with the file on disk if its last load or reload failed. */
export interface ProjectStatus {
  readonly name: string;
  /** The file it was loaded from; null only before the first load. */
  readonly file: string | null;
  /** Each problem as `path: message`; non-empty means the app kept its previous project (or none at start). */
  readonly issues: readonly string[];
  /**
   * The copy kept from this file's last good load, when the file failed at start: ms since
   * epoch it was saved, and whether it is what runs now (runLastGoodProject). null otherwise.
   */
  readonly lastGood: { readonly savedAt: number; readonly running: boolean } | null;
}

export interface Snapshot {
  readonly tags: readonly TagInfo[];
  readonly connections: readonly ConnectionStatus[];
  readonly project: ProjectStatus;
}

/**
 * Everything the renderer may ask of main, one interface per domain in
 * shared/api/. Each method takes at most one parameter object.
 */
export type TidewatchApi = LiveApi & HistoryApi & AuthApi & OperatorApi & CommandApi & AuditApi & AlarmApi & ConnectionApi & TrendApi & DisplayApi & ProjectApi;

export type ApiMethod = keyof TidewatchApi;

/** `connections` and `tags` always carry the full list, never a delta: a late or reconnected renderer replaces what it has. */
export type ServerEvent =
  | { readonly type: 'connections'; readonly connections: readonly ConnectionStatus[] }
  | { readonly type: 'tags'; readonly tags: readonly TagInfo[] }
  | { readonly type: 'project'; readonly project: ProjectStatus }
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly message: string }
  | { readonly type: 'command'; readonly command: UiCommand }
  | AuthEvent
  | AlarmsEvent;

/**
 * Common operator actions from the desktop menu and its shortcuts. Main only
 * relays them; the renderer carries them out through the API like a click,
 * so the same permission checks apply.
 */
export type UiCommand = 'acknowledge' | 'silence' | 'open-trend' | 'next-display' | 'previous-display';

export type Unsubscribe = () => void;

/** What the renderer sees as window.tidewatch (desktop) or builds over a WebSocket (headless). */
export interface TidewatchBridge extends TidewatchApi {
  onEvent(listener: (event: ServerEvent) => void): Unsubscribe;
  /** Each buffer is one frame (shared/frame-codec.ts). */
  onFrame(listener: (frame: ArrayBuffer) => void): Unsubscribe;
  /** Tells main the frame is drawn into the buffers; until then main coalesces (backpressure). */
  ackFrame(seq: number): void;
}

/** A rejected call carries a message that names what was wrong and where. */
export class ApiError extends Error {
  override name = 'ApiError';
}
