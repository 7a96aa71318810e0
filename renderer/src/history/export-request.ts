import type { ExportHistoryRequest } from '../../../shared/api/history-api.js';
import { fromLocalInput } from '../alarms/period-input.js';

export type ExportMode = 'raw' | 'aggregated';

/** The intervals the dialog offers for aggregated rows; main accepts any whole number of ms. */
export const EXPORT_INTERVALS: readonly (readonly [label: string, ms: number])[] = [
  ['1 second', 1_000],
  ['10 seconds', 10_000],
  ['1 minute', 60_000],
  ['15 minutes', 900_000],
  ['1 hour', 3_600_000],
  ['1 day', 86_400_000],
];

export interface ExportForm {
  readonly tagIds: readonly string[];
  /** <input type="datetime-local"> values, local time. */
  readonly from: string;
  readonly to: string;
  readonly mode: ExportMode;
  readonly intervalMs: number;
}

/**
 * The request for what the form says, or an Error for what only the form can
 * tell (nothing chosen). Everything else — an end before the start, a range
 * too large, a tag main no longer has — main checks and names.
 */
export function exportRequest(form: ExportForm): ExportHistoryRequest {
  if (form.tagIds.length === 0) throw new Error('choose at least one tag');
  const from = fromLocalInput(form.from);
  const to = fromLocalInput(form.to);
  if (from === null) throw new Error('choose a start time');
  if (to === null) throw new Error('choose an end time');
  return { tagIds: form.tagIds, from, to, ...(form.mode === 'aggregated' ? { intervalMs: form.intervalMs } : {}) };
}
