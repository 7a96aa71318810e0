import { existsSync } from 'node:fs';
import type { AuditVerifyResult } from '../../shared/api/audit-api.js';
import { verifyChain } from './audit-chain.js';
import { headFileFor, readHead, readJsonLines } from './jsonl-audit-store.js';

/** Checks a trail file without opening it for writing: safe beside a running app. */
export function verifyAuditFile(file: string): AuditVerifyResult {
  if (!existsSync(file)) throw new Error(`no audit trail at ${file}`);
  return verifyChain(readJsonLines(file), readHead(headFileFor(file)));
}

/** What `npm run audit:verify` prints. */
export function describeVerifyResult(file: string, result: AuditVerifyResult): string {
  if (result.ok) return `${file}: ${result.records} records, chain intact`;
  return `${file}: BROKEN (${result.problem.kind}) at ${result.problem.message}\n${result.records} records before it verified; nothing after it can be trusted`;
}
