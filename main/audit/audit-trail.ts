import type { AuditEntry, AuditPage, AuditQuery, AuditRecord, AuditVerifyResult } from '../../shared/api/audit-api.js';
import type { Log } from '../api/sample-source.js';
import { chainRecord, storedRecordSchema, verifyChain, type AuditHead } from './audit-chain.js';
import type { AuditStore } from './audit-store.js';

/**
 * The one writer of the trail: chains each entry onto the last stored record
 * and appends it. Opening checks the whole chain, as the app must at start;
 * a broken chain is logged, recorded as an entry of its own, and then the
 * trail carries on from its last record so new actions are still traceable.
 */
export class AuditTrail {
  private last: AuditHead | null = null;
  readonly startupCheck: AuditVerifyResult;

  constructor(
    private readonly store: AuditStore,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
  ) {
    this.startupCheck = this.verify();
    for (const raw of store.readAll()) {
      const parsed = storedRecordSchema.safeParse(raw);
      if (parsed.success) this.last = { seq: parsed.data.seq, hash: parsed.data.hash };
    }
    if (!this.startupCheck.ok) {
      log('error', `audit trail: ${this.startupCheck.problem.message}`);
      this.record({ action: 'audit.check', user: '', station: '', target: '', oldValue: null, newValue: null, result: `broken: ${this.startupCheck.problem.kind}`, detail: this.startupCheck.problem.message });
    }
  }

  /** Throws when the store cannot write (a full disk): the caller must not pretend the action was recorded. */
  record(entry: AuditEntry): AuditRecord {
    const record = chainRecord(this.last, entry, this.now());
    this.store.append(record);
    this.last = { seq: record.seq, hash: record.hash };
    return record;
  }

  verify(): AuditVerifyResult {
    return verifyChain(this.store.readAll(), this.store.head());
  }

  query(query: AuditQuery): AuditPage {
    return this.store.query(query);
  }

  dispose(): void {
    this.store.dispose();
  }
}
