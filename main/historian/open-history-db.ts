import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { migrate, SCHEMA_VERSION, tableNames, tablesAt } from './schema.js';

export interface OpenedHistoryDb {
  readonly db: Database.Database;
  /** What the operator should read: a file moved aside. */
  readonly notices: readonly string[];
}

/** SQLite's verdicts that mean "this file is damaged", as opposed to "this disk or folder cannot be used". */
const DAMAGED = /^SQLITE_(NOTADB|CORRUPT)/;

/**
 * Opens (or creates) the history database, ready for the writer. A file that
 * is damaged or not ours is moved aside, never deleted, and a new one is
 * started: history must never stop because of an old file. Anything else
 * (permissions, a full disk) is thrown for the caller to report: moving a
 * healthy file aside for that would lose the history.
 */
export function openHistoryDb(file: string, now: Date): OpenedHistoryDb {
  makeFolder(path.dirname(file));
  const notices: string[] = [];
  const problem = existsSync(file) ? inspect(file) : null;
  if (problem !== null) {
    const aside = setAside(file, now);
    notices.push(`The history database ${file} could not be used (${problem}). It was moved to ${aside} (nothing was deleted) and a new history was started.`);
  }
  const db = new Database(file);
  try {
    configure(db);
    migrate(db);
    return { db, notices };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * WAL, so the reader never blocks the writer. FULL sync costs one fsync per
 * batch (one a second) and makes every committed batch survive a power cut,
 * not only a crash of the process; batched inserts measured no slower.
 */
function configure(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`${db.name}: SQLite refused WAL mode (journal mode is ${String(mode)})`);
  db.pragma('synchronous = FULL');
  // A checkpoint after a burst leaves the WAL file at most this size.
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
}

/** Recursive mkdir says ENOENT when a parent is read-only; the operator needs the real cause. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    let existing = path.dirname(dir);
    while (!existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing);
    accessSync(existing, constants.W_OK);
    throw error;
  }
}

/** Why the file cannot be used as our history, or null if it can. */
function inspect(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    // Read-only: closing must not checkpoint the WAL into a file we may be about to set aside.
    db = new Database(file, { fileMustExist: true, readonly: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `integrity check failed: ${String(check)}`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) return `it was written by a newer Tidewatch (schema version ${version}; this one knows up to ${SCHEMA_VERSION})`;
    const known = tablesAt(version);
    const tables = tableNames(db);
    const unknown = tables.filter((name) => !known.has(name));
    if (unknown.length > 0) return `it holds tables Tidewatch does not know: ${unknown.join(', ')}`;
    const missing = [...known].filter((name) => !tables.includes(name));
    if (missing.length > 0) return `tables are missing: ${missing.join(', ')}`;
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED.test(code)) return code === 'SQLITE_NOTADB' ? 'it is not a SQLite database' : `it is damaged: ${(error as Error).message}`;
    throw error;
  } finally {
    db?.close();
  }
}

/** Moves the file and its WAL and shared-memory files together, so the three still open as one database. */
function setAside(file: string, now: Date): string {
  // Colons are not allowed in Windows file names.
  const aside = `${file}.corrupt-${now.toISOString().replaceAll(':', '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
