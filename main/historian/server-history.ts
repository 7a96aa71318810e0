import type { Points } from './bucket-points.js';

export interface ServerHistoryRange {
  /** ms since epoch, inclusive. */
  readonly from: number;
  /** ms since epoch, exclusive. */
  readonly to: number;
  readonly maxValues: number;
}

export type ServerHistoryResult =
  | { readonly ok: true; readonly values: number; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * A tag's history as its OPC UA server keeps it (HistoryRead), for what this
 * station's historian lacks. main/opcua provides it; the composition root
 * maps tag ids to connections.
 */
export interface ServerHistory {
  /**
   * Raw samples over [from, to) in time order, handed over page by page.
   * Null when the tag's server keeps no history of it; a refusal resolves
   * with `ok: false` and the reason.
   */
  readRaw(tagId: string, range: ServerHistoryRange, onPage: (page: Points) => void): Promise<ServerHistoryResult> | null;
}
