import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Checks the user-data folder before anything is started in it, so a wrong
 * folder is one clear sentence at start, not a certificate or SQLite error
 * later. The default folder is created on first run; a folder given with
 * --user-data must exist, because a typo in a service's command line would
 * otherwise start a station with a fresh, empty PKI and history elsewhere.
 * Returns null when the folder is usable, else what is wrong and what to do.
 * Synchronous: the desktop shell must know before it hands the folder to
 * Chromium, which would create a missing one at start.
 */
export function prepareUserDataDir(dir: string, givenOnCommandLine: boolean): string | null {
  const what = `the user-data folder ${dir}`;
  try {
    const info = statSync(dir);
    if (!info.isDirectory()) return `${what} is not a folder (a file has that name); give --user-data an existing folder`;
  } catch (error) {
    if (code(error) !== 'ENOENT') return `${what} cannot be read (${reason(error)})`;
    if (givenOnCommandLine) return `${what} does not exist: create it first, or leave out --user-data to use the per-user folder`;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (mkdirError) {
      return `${what} cannot be created (${reason(mkdirError)}); give --user-data a folder this user can write to`;
    }
  }
  // Permission bits do not tell (ACLs, read-only mounts, root): only a write does.
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    return `${what} is not writable (${reason(error)}): Tidewatch keeps its certificates, logs and history there; give this user write access, or choose another folder with --user-data`;
  }
  return null;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function reason(error: unknown): string {
  const errno = error as NodeJS.ErrnoException | undefined;
  return errno?.code ?? (error instanceof Error ? error.message : String(error));
}
