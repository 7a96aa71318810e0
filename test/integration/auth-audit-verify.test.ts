import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../main/audit/audit-trail.js';
import { AUDIT_FILE, JsonlAuditStore } from '../../main/audit/jsonl-audit-store.js';
import { repoRoot } from '../support/built-files.js';

const run = promisify(execFile);

// `npm run audit:verify [FILE]` as an auditor runs it, on a trail the app wrote.
describe('npm run audit:verify', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-verify-'));
  const file = path.join(dir, AUDIT_FILE);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const verify = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'scripts', 'audit-verify.mjs'), ...args], { cwd: repoRoot });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };

  it('says an untouched trail is intact, and names the record someone edited', async () => {
    const trail = new AuditTrail(new JsonlAuditStore(file), () => undefined);
    for (const value of [60, 65, 70]) trail.record({ action: 'write', user: 'olga', station: 'desktop@cr1', target: 'demo/TIC101.SP', oldValue: value, newValue: value + 5, result: 'Good', detail: '' });
    trail.dispose();
    expect(await verify(file)).toEqual({ code: 0, output: `${file}: 3 records, chain intact\n` });

    writeFileSync(file, readFileSync(file, 'utf8').replace('"newValue":70', '"newValue":7'));
    const broken = await verify(file);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`${file}: BROKEN (edited) at line 2 (record 2): its content does not match its hash: the record was edited`);
    expect(broken.output).toContain('1 records before it verified');
  });

  it('exits 2 with a reason when the file cannot be read', async () => {
    expect(await verify(path.join(dir, 'missing.jsonl'))).toEqual({ code: 2, output: `audit:verify: no audit trail at ${path.join(dir, 'missing.jsonl')}\n` });
  });
});
