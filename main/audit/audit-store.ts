import type { AuditPage, AuditQuery, AuditRecord } from '../../shared/api/audit-api.js';
import type { AuditHead } from './audit-chain.js';

/**
 * Where the trail keeps its records. The chain logic (audit-chain.ts) does
 * not care; the app keeps them in the history database (sqlite-audit-store.ts:
 * one row per record, the twelve fields as columns, the primary key on seq,
 * an index on time).
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

/**
 * Stands in when the trail's database cannot be opened (a read-only folder):
 * the app still shows the plant live, but every audited action (a login
 * first) is refused, since nothing may act on the plant unrecorded.
 */
export class UnavailableAuditStore implements AuditStore {
  constructor(readonly reason: string) {}

  append(): void {
    throw new Error(`the audit trail is unavailable (${this.reason}): the action was not carried out`);
  }

  readAll(): Iterable<unknown> {
    return [];
  }

  head(): AuditHead | null {
    return null;
  }

  query(): AuditPage {
    return { records: [], truncated: false };
  }

  dispose(): void {}
}
