import type { AuditRecord } from '../../../shared/api/audit-api.js';

const COLUMNS = ['seq', 'time', 'user', 'station', 'action', 'target', 'oldValue', 'newValue', 'result', 'detail', 'hash'] as const;

/**
 * The records as RFC 4180 CSV, oldest first, times in ISO 8601 UTC. A cell a
 * spreadsheet would run as a formula (=, +, -, @ first) is quoted with a
 * leading apostrophe: an audit export must not execute what a user typed.
 */
export function auditCsv(records: readonly AuditRecord[]): string {
  const rows = [...records].sort((a, b) => a.seq - b.seq).map((record) =>
    COLUMNS.map((column) => cell(column === 'time' ? new Date(record.time).toISOString() : record[column])).join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
