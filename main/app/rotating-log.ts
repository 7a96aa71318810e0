import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  /** <userData>/logs */
  readonly dir: string;
  /** File stem: "desktop" writes desktop.log, then desktop.1.log ... desktop.<keep>.log. */
  readonly name: string;
  /** A file is rotated before a line would take it past this size. */
  readonly maxBytes: number;
  /** How many rotated files are kept besides the current one. */
  readonly keep: number;
  /** Told once if the disk refuses a write; the app goes on without its file log. */
  readonly onError?: (message: string) => void;
}

export interface RotatingLog {
  readonly file: string;
  /** Appends one finished line (consoleLog's format); never throws. */
  write(line: string): void;
  dispose(): void;
}

// Defaults for both shells: 5 files x 5 MB is weeks of a busy station's log, and bounded.
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 4;

/**
 * Size-based rotation that both shells use. Writes are synchronous: a log
 * line is rare next to the sample path, and the last lines before a crash or
 * a power cut are the ones an engineer needs. Each shell has its own file
 * name, so two processes sharing a user-data folder never rotate each other's file.
 */
export function openRotatingLog(options: RotatingLogOptions): RotatingLog {
  const { dir, name, maxBytes, keep } = options;
  const file = path.join(dir, `${name}.log`);
  const rotated = (n: number) => path.join(dir, `${name}.${n}.log`);
  let fd: number | null = null;
  let size = 0;
  let failed = false;

  const open = () => {
    mkdirSync(dir, { recursive: true });
    fd = openSync(file, 'a');
    size = fstatSync(fd).size;
  };
  const rotate = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) renameIfExists(rotated(n), rotated(n + 1));
    if (keep > 0) renameIfExists(file, rotated(1));
    else rmSync(file, { force: true });
    open();
  };

  return {
    file,
    write(line) {
      if (failed) return;
      try {
        if (fd === null) open();
        const bytes = Buffer.from(line, 'utf8');
        if (size > 0 && size + bytes.length > maxBytes) rotate();
        size += writeSync(fd!, bytes);
      } catch (error) {
        failed = true;
        options.onError?.(`cannot write the log file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); logging to the console only`);
      }
    },
    dispose() {
      if (fd !== null) closeSync(fd);
      fd = null;
      failed = true;
    },
  };
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
