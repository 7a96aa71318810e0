import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSecurity } from './session-security.js';
import { projectUserDirectory } from './user-directory.js';

describe('openSecurity', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a trail that cannot be opened leaves the app running, says why, and refuses every audited action', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-security-'));
    dirs.push(dir);
    // A file where the history folder should be: unusable even for root, who ignores permissions.
    writeFileSync(path.join(dir, 'history'), '');
    const logged: string[] = [];
    const security = openSecurity({ userDataDir: dir, directory: projectUserDirectory(() => null), log: (_, message) => logged.push(message), tagPolicy: () => ({ writeLimits: null, critical: false }) });
    try {
      expect(security.unavailable).toMatch(/^The audit trail is unavailable \(cannot open .*history\.db: .*\): nobody can log in or act on the plant until it can be written\.$/);
      expect(logged).toEqual([security.unavailable]);
      expect(() => security.audit.record({ action: 'login', user: 'ann', station: 's', target: '', oldValue: null, newValue: null, result: 'Good', detail: '' })).toThrow(/^the audit trail is unavailable \(cannot open .*\): the action was not carried out$/);
    } finally {
      security.dispose();
    }
  });
});
