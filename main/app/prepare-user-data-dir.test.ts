import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { prepareUserDataDir } from './prepare-user-data-dir.js';

describe('prepareUserDataDir', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-userdata-'));
  afterEach(() => {
    chmodSync(root, 0o700);
    for (const entry of readdirSync(root)) rmSync(path.join(root, entry), { recursive: true, force: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts an existing writable folder and leaves nothing behind in it', () => {
    expect(prepareUserDataDir(root, true)).toBeNull();
    expect(readdirSync(root)).toEqual([]);
  });

  it('creates the default folder on first run, but refuses a --user-data folder that does not exist', () => {
    const fresh = path.join(root, 'a', 'Tidewatch');
    expect(prepareUserDataDir(fresh, false)).toBeNull();
    expect(existsSync(fresh)).toBe(true);
    const typo = path.join(root, 'Tidewatchh');
    expect(prepareUserDataDir(typo, true)).toBe(`the user-data folder ${typo} does not exist: create it first, or leave out --user-data to use the per-user folder`);
    expect(existsSync(typo)).toBe(false);
  });

  it('refuses a file where the folder should be', () => {
    const file = path.join(root, 'file');
    writeFileSync(file, 'x');
    expect(prepareUserDataDir(file, true)).toMatch(/is not a folder/);
    expect(prepareUserDataDir(path.join(file, 'below'), false)).toMatch(/cannot be (created|read) \(ENOTDIR\)/);
  });

  // Root writes through permission bits; test/integration/desktop-command-line.test.ts covers it with a dropped uid.
  it.skipIf(process.getuid?.() === 0)('says a read-only folder is not writable and why', () => {
    const readOnly = path.join(root, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expect(prepareUserDataDir(readOnly, true)).toMatch(/is not writable \(EACCES\)/);
  });
  if (process.getuid?.() === 0) console.log('skipped the read-only folder unit test: running as root, which can write anyway; the integration test drops to uid 65534 for it');
});
