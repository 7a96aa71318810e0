import path from 'node:path';
import { defaultUserDataDir } from '../app/default-user-data-dir.js';
import { auditDbFile } from '../auth/session-security.js';
import { describeVerifyResult, verifyAuditFile } from './verify-audit-file.js';

const USAGE = `usage: npm run audit:verify -- [FILE]
  FILE   the history database holding the trail (default: ${auditDbFile(defaultUserDataDir())}),
         or an audit.jsonl from before the trail moved there
exit code 0: intact, 1: broken (the first bad record is named), 2: could not be read`;

/** `npm run audit:verify [FILE]`: returns the exit code. */
export function runAuditVerify(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  if (argv.length > 1 || argv.some((arg) => arg.startsWith('-'))) {
    err(`audit:verify: expected at most one file, got ${argv.map((a) => JSON.stringify(a)).join(' ')}\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(argv[0] ?? auditDbFile(defaultUserDataDir()));
  try {
    const result = verifyAuditFile(file);
    (result.ok ? out : err)(describeVerifyResult(file, result));
    return result.ok ? 0 : 1;
  } catch (error) {
    err(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
