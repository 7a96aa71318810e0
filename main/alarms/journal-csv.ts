import type { AlarmJournalEntry } from '../../shared/api/alarm-api.js';
import { csvRow } from './csv.js';

const COLUMNS = ['event time', 'receive time', 'kind', 'alarm', 'name', 'source', 'area', 'priority', 'state', 'value', 'limit', 'user', 'comment', 'message'] as const;

/** The journal as a spreadsheet reads it; times in ISO 8601 UTC. */
export function journalCsv(entries: readonly AlarmJournalEntry[]): string {
  const lines = entries.map((e) =>
    csvRow([iso(e.eventTime), iso(e.receiveTime), e.kind, e.alarmId, e.name, e.source, e.area, e.priority, e.state, e.value, e.limit, e.user, e.comment, e.message]),
  );
  return [csvRow(COLUMNS), ...lines].join('\r\n') + '\r\n';
}

export function iso(time: number): string {
  return new Date(time).toISOString();
}
