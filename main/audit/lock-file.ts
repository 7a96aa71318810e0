import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface LockFile {
  release(): void;
}

/**
 * One writer at a time: the lock holds the owner's pid, and a lock left by a
 * process that no longer exists (a crash, a power cut) is taken over.
 */
export function acquireLockFile(file: string, what: string): LockFile {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new Error(`${what} (${file}) is in use by process ${owner}: is another Tidewatch running with the same user-data folder?`, { cause: error });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`${what} (${file}): could not take the lock`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
