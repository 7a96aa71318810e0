import { existsSync, renameSync } from 'node:fs';
import type { AuditRecord } from '../../shared/api/audit-api.js';
import { headFileFor, readJsonLines } from './jsonl-audit-store.js';
import type { SqliteAuditStore } from './sqlite-audit-store.js';
import { verifyAuditFile } from './verify-audit-file.js';

/**
 * Brings a trail from before it moved into the history database (audit.jsonl
 * in the user-data folder) over once: verified first, copied record for record
 * (hashes unchanged, so the chain carries on), and the old file renamed, never
 * deleted. A broken file is not copied (its chain cannot be continued
 * faithfully) but renamed as broken and reported. Returns what to report, or null.
 */
export function importJsonlTrail(store: SqliteAuditStore, file: string, now: Date): { level: 'info' | 'error'; message: string } | null {
  if (!existsSync(file)) return null;
  const stamp = now.toISOString().replaceAll(':', '-');
  if (!store.isEmpty()) {
    return { level: 'error', message: `audit trail: ${file} was not imported: the history database already holds a trail (it stays where it is)` };
  }
  const result = verifyAuditFile(file);
  const aside = `${file}.${result.ok ? 'imported' : 'broken'}-${stamp}`;
  if (result.ok) store.appendAll([...readJsonLines(file)] as AuditRecord[]);
  renameSync(file, aside);
  if (existsSync(headFileFor(file))) renameSync(headFileFor(file), headFileFor(aside));
  return result.ok
    ? { level: 'info', message: `audit trail: ${result.records} records imported from ${file} into ${store.file}; the old file is kept as ${aside}` }
    : { level: 'error', message: `audit trail: ${file} was not imported, its chain is broken (${result.problem.message}); it is kept as ${aside} and a new trail was started` };
}
