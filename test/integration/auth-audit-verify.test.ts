import Database from 'better-sqlite3';
import { execFile, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../main/audit/audit-trail.js';
import { SqliteAuditStore } from '../../main/audit/sqlite-audit-store.js';
import { repoRoot } from '../support/built-files.js';
import { bundleProgram } from './historian-support.js';

const run = promisify(execFile);

// A child that records audit entries as the app does and reports each one the moment record() returned.
const CHILD = `
import { AuditTrail } from './main/audit/audit-trail.js';
import { SqliteAuditStore } from './main/audit/sqlite-audit-store.js';
const trail = new AuditTrail(new SqliteAuditStore(process.argv[2]), () => undefined);
for (let i = 0; ; i++) {
  const record = trail.record({ action: 'write', user: 'olga', station: 'desktop@cr1', target: 'demo/TIC101.SP', oldValue: i, newValue: i + 1, result: 'Good', detail: '' });
  process.send({ seq: record.seq });
  await new Promise((resolve) => setTimeout(resolve, 5));
}
`;

// `npm run audit:verify [FILE]` as an auditor runs it, on a trail the app wrote into the history database.
describe('npm run audit:verify', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-verify-'));
  const file = path.join(dir, 'history.db');
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
  /** Behind the app's back, with the sqlite3 tool or any SQLite library. */
  const tamper = (sql: string) => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };

  it('says an untouched trail is intact, and names the row someone edited or deleted', async () => {
    const trail = new AuditTrail(new SqliteAuditStore(file), () => undefined);
    for (const value of [60, 65, 70, 75]) trail.record({ action: 'write', user: 'olga', station: 'desktop@cr1', target: 'demo/TIC101.SP', oldValue: value, newValue: value + 5, result: 'Good', detail: '' });
    trail.dispose();
    expect(await verify(file)).toEqual({ code: 0, output: `${file}: 4 records, chain intact\n` });

    tamper("UPDATE audit_trail SET new_value = '7' WHERE seq = 3");
    const edited = await verify(file);
    expect(edited.code).toBe(1);
    expect(edited.output).toContain(`${file}: BROKEN (edited) at line 3 (record 3): its content does not match its hash: the record was edited`);
    expect(edited.output).toContain('2 records before it verified');

    tamper('DELETE FROM audit_trail WHERE seq = 3');
    expect(await verify(file)).toMatchObject({ code: 1, output: expect.stringContaining('BROKEN (deleted) at line 3 (record 4): records 3..3 are missing: records were deleted') });
  });

  it('keeps a record the app acknowledged even when the process is killed right after', async () => {
    const killed = path.join(dir, 'killed.db');
    const child = fork(await bundleProgram('audit-kill-child', CHILD), [killed], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const acknowledged = await new Promise<number>((resolve) => child.on('message', (message: { seq: number }) => {
      if (message.seq < 20) return;
      child.kill('SIGKILL');
      resolve(message.seq);
    }));
    await new Promise((resolve) => child.once('exit', resolve));
    const result = await verify(killed);
    expect(result.code).toBe(0);
    expect(Number(/: (\d+) records, chain intact/.exec(result.output)?.[1])).toBeGreaterThanOrEqual(acknowledged);
  });

  it('exits 2 with a reason when the file is missing or not a database', async () => {
    expect(await verify(path.join(dir, 'missing.db'))).toEqual({ code: 2, output: `audit:verify: no audit trail at ${path.join(dir, 'missing.db')}\n` });
    writeFileSync(path.join(dir, 'words.db'), 'not a database');
    expect(await verify(path.join(dir, 'words.db'))).toEqual({ code: 2, output: 'audit:verify: file is not a database\n' });
  });
});
