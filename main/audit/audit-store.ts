import type { AuditPage, AuditQuery, AuditRecord } from '../../shared/api/audit-api.js';
import type { AuditHead } from './audit-chain.js';

/**
 * Where the trail keeps its records. The chain logic (audit-chain.ts) does
 * not care: a JSONL file (jsonl-audit-store.ts) and the historian's SQLite
 * audit table (one row per record, the same twelve fields as columns, the
 * primary key on seq, an index on time) both fit behind this.
 */
export interface AuditStore {
  /** Durable before it returns: a record acknowledged and then lost to a power cut would be a lie. */
  append(record: AuditRecord): void;
  /** Every stored record in stored order, parsed but not trusted; null for an entry that is not even JSON. */
  readAll(): Iterable<unknown>;
  /** The last record's seq and hash as remembered apart from the records, so a cut-off tail shows. */
  head(): AuditHead | null;
  /** Newest first. */
  query(query: AuditQuery): AuditPage;
  dispose(): void;
}

/** The query's filter, for stores that scan rather than index. */
export function matchesAuditQuery(record: AuditRecord, query: AuditQuery): boolean {
  if (query.from !== undefined && record.time < query.from) return false;
  if (query.to !== undefined && record.time >= query.to) return false;
  if (!query.text) return true;
  const needle = query.text.toLowerCase();
  const fields = [record.action, record.user, record.station, record.target, record.oldValue, record.newValue, record.result, record.detail, record.seq];
  return fields.some((field) => String(field).toLowerCase().includes(needle));
}
