import path from 'node:path';
import type { EuRange } from '../../shared/contract.js';
import type { Log } from '../api/sample-source.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { importJsonlTrail } from '../audit/import-jsonl-trail.js';
import { AUDIT_FILE } from '../audit/jsonl-audit-store.js';
import { UnavailableAuditStore } from '../audit/audit-store.js';
import { SqliteAuditStore } from '../audit/sqlite-audit-store.js';
import { HISTORY_DB_FILE } from '../historian/historian.js';
import { AuthService } from './auth-service.js';
import { DEFAULT_SELECT_TIMEOUT_MS } from './operator-actions.js';
import type { UserDirectory } from './user-directory.js';

/** What every renderer session's operations go through: users, the audit trail and the write policy. */
export interface SessionSecurity {
  readonly auth: AuthService;
  readonly audit: AuditTrail;
  /** Select-before-operate: how long a selected critical tag waits for its operate. */
  readonly selectTimeoutMs: number;
  /** The project's tags[].writeLimits and whether the tag is critical, by tag id. */
  tagPolicy(tagId: string): TagPolicy;
}

export interface TagPolicy {
  readonly writeLimits: EuRange | null;
  readonly critical: boolean;
}

export interface SecurityOptions {
  readonly userDataDir: string;
  readonly directory: UserDirectory;
  readonly log: Log;
  readonly tagPolicy: (tagId: string) => TagPolicy;
  readonly lockAfterMs?: number;
  readonly selectTimeoutMs?: number;
}

/** Where the trail is kept: the history database in the user-data folder. */
export function auditDbFile(userDataDir: string): string {
  return path.join(userDataDir, 'history', HISTORY_DB_FILE);
}

/**
 * Opens the audit trail in the history database (verifying its whole chain,
 * as the app must at every start; importing an older audit.jsonl once) and
 * the user service on top of it. A trail that cannot be opened (a read-only
 * folder) leaves the app running live with every audited action refused
 * (`unavailable` says why): without a trail nothing may act on the plant.
 * `notices`: a damaged history database the opening set aside, for the operator.
 */
export function openSecurity(options: SecurityOptions): SessionSecurity & { readonly notices: readonly string[]; readonly unavailable: string | null; dispose(): void } {
  const file = auditDbFile(options.userDataDir);
  let store: SqliteAuditStore | UnavailableAuditStore;
  let imported: ReturnType<typeof importJsonlTrail> = null;
  try {
    store = new SqliteAuditStore(file);
  } catch (error) {
    store = new UnavailableAuditStore(`cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (store instanceof SqliteAuditStore) {
    try {
      imported = importJsonlTrail(store, path.join(options.userDataDir, AUDIT_FILE), new Date());
    } catch (error) {
      store.dispose();
      throw error;
    }
  }
  const notices = store instanceof SqliteAuditStore ? store.notices : [];
  const unavailable = store instanceof UnavailableAuditStore ? `The audit trail is unavailable (${store.reason}): nobody can log in or act on the plant until it can be written.` : null;
  for (const notice of [...notices, ...(unavailable ? [unavailable] : [])]) options.log('error', notice);
  if (imported) options.log(imported.level, imported.message);
  const audit = new AuditTrail(store, options.log);
  if (imported?.level === 'error') {
    audit.record({ action: 'audit.check', user: '', station: '', target: AUDIT_FILE, oldValue: null, newValue: null, result: 'broken: not imported', detail: imported.message });
  }
  const auth = new AuthService({ directory: options.directory, audit, log: options.log, lockAfterMs: options.lockAfterMs });
  return {
    auth,
    audit,
    notices,
    unavailable,
    selectTimeoutMs: options.selectTimeoutMs ?? DEFAULT_SELECT_TIMEOUT_MS,
    tagPolicy: options.tagPolicy,
    dispose() {
      auth.dispose();
      audit.dispose();
    },
  };
}
