import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { AuditVerifyResult } from '../../shared/api/audit-api.js';
import { verifyChain } from './audit-chain.js';
import { headFileFor, readHead, readJsonLines } from './jsonl-audit-store.js';
import { readTrail, readTrailHead } from './sqlite-audit-store.js';

/**
 * Checks a trail without opening it for writing: safe beside a running app.
 * The history database (history.db) holds the trail; a `.jsonl` file is one
 * from before it moved there (kept, renamed, after its import).
 */
export function verifyAuditFile(file: string): AuditVerifyResult {
  if (!existsSync(file)) throw new Error(`no audit trail at ${file}`);
  if (/\.jsonl(\.|$)/.test(file)) return verifyChain(readJsonLines(file), readHead(headFileFor(file)));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyChain(readTrail(db), readTrailHead(db));
  } finally {
    db.close();
  }
}

/** What `npm run audit:verify` prints. */
export function describeVerifyResult(file: string, result: AuditVerifyResult): string {
  if (result.ok) return `${file}: ${result.records} records, chain intact`;
  return `${file}: BROKEN (${result.problem.kind}) at ${result.problem.message}\n${result.records} records before it verified; nothing after it can be trusted`;
}
