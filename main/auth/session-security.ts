import path from 'node:path';
import type { EuRange } from '../../shared/contract.js';
import type { Log } from '../api/sample-source.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { AUDIT_FILE, JsonlAuditStore } from '../audit/jsonl-audit-store.js';
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

/**
 * Opens the audit trail in the user-data folder (verifying its whole chain,
 * as the app must at every start) and the user service on top of it. Throws
 * when the trail cannot be opened: without a trail nothing may act on the plant.
 */
export function openSecurity(options: SecurityOptions): SessionSecurity & { dispose(): void } {
  const audit = new AuditTrail(new JsonlAuditStore(path.join(options.userDataDir, AUDIT_FILE)), options.log);
  const auth = new AuthService({ directory: options.directory, audit, log: options.log, lockAfterMs: options.lockAfterMs });
  return {
    auth,
    audit,
    selectTimeoutMs: options.selectTimeoutMs ?? DEFAULT_SELECT_TIMEOUT_MS,
    tagPolicy: options.tagPolicy,
    dispose() {
      auth.dispose();
      audit.dispose();
    },
  };
}
