import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistoryDb } from './open-history-db.js';
import { epochOf } from './rollup-epoch.js';
import { migrate, SCHEMA_VERSION, tableNames, tablesAt } from './schema.js';

const NOW = new Date('2026-11-05T10:22:33.456Z');
let dir = '';
const file = () => path.join(dir, 'history', 'history.db');

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fresh(): void {
  dir = mkdtempSync(path.join(tmpdir(), 'tidewatch-open-history-'));
}

/** Before version 5 rollups had no epoch column. */
const ROLLUP_ROW_BEFORE_5 = 'INSERT INTO rollups VALUES (1000, 1, ?, 1, 1, ?, 0, ?, 0, 0, ?, 0, 0, ?, 0, 0, ?, 0)';

/** A file at `version` with one tag, two samples and their 1 s rollup cells, as that version's Tidewatch left it. */
function olderFile(version: number, rollupCells: readonly number[] = [1, 2]): void {
  const db = new Database(file());
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  if (version >= 1) {
    db.prepare("INSERT INTO tags (name) VALUES ('demo/Tank1.Level')").run();
    db.prepare('INSERT INTO samples VALUES (1, 1000, 1.5, 0), (1, 2000, 2.5, 0)').run();
  }
  if (version >= 1 && version < 5) for (const cell of rollupCells) db.prepare(ROLLUP_ROW_BEFORE_5).run(cell, ...Array(5).fill(cell + 0.5));
  db.close();
}

function open() {
  const opened = openHistoryDb(file(), NOW);
  const { db } = opened;
  const state = { version: db.pragma('user_version', { simple: true }), tables: tableNames(db).sort(), mode: db.pragma('journal_mode', { simple: true }) };
  return { opened, state, db };
}

describe('openHistoryDb', () => {
  it('creates the folder and a database at the current schema version, in WAL mode', () => {
    fresh();
    const { state, opened, db } = open();
    expect(state).toEqual({ version: SCHEMA_VERSION, tables: [...tablesAt(SCHEMA_VERSION)].sort(), mode: 'wal' });
    expect(opened.notices).toEqual([]);
    db.close();
  });

  it.each(Array.from({ length: SCHEMA_VERSION }, (_, v) => v))('brings a file from schema version %i up to date and keeps its samples', (version) => {
    fresh();
    open().db.close();
    rmSync(file());
    olderFile(version);
    const { state, opened, db } = open();
    expect(opened.notices).toEqual([]);
    expect(state.version).toBe(SCHEMA_VERSION);
    expect(state.tables).toEqual([...tablesAt(SCHEMA_VERSION)].sort());
    if (version >= 1) expect(db.prepare('SELECT time, value FROM samples ORDER BY time').all()).toEqual([{ time: 1000, value: 1.5 }, { time: 2000, value: 2.5 }]);
    if (version >= 1 && version < 5) expect(db.prepare('SELECT epoch, cell, sum FROM rollups ORDER BY cell').all()).toEqual([{ epoch: epochOf(1), cell: 1, sum: 1.5 }, { epoch: epochOf(2), cell: 2, sum: 2.5 }]);
    db.close();
  });

  it('moves rollup cells before 1970 into the epochs the writer and reader use for them', () => {
    fresh();
    open().db.close();
    rmSync(file());
    const cells = [-9, -8, -5, -4, -1, 0, 3, 4];
    olderFile(4, cells);
    const { db } = open();
    expect(db.prepare('SELECT epoch, cell FROM rollups ORDER BY cell').all()).toEqual(cells.map((cell) => ({ epoch: epochOf(cell), cell })));
    db.close();
  });

  it('takes an empty file as a new database', () => {
    fresh();
    open().db.close();
    rmSync(file());
    writeFileSync(file(), '');
    const { state, opened, db } = open();
    expect(opened.notices).toEqual([]);
    expect(state.version).toBe(SCHEMA_VERSION);
    db.close();
  });

  const damaged: [string, () => void, RegExp][] = [
    ['a file that is not SQLite', () => writeFileSync(file(), 'these are not the pages you are looking for\n'.repeat(200)), /it is not a SQLite database/],
    ['a file from a newer Tidewatch', () => { olderFile(SCHEMA_VERSION); const db = new Database(file()); db.pragma('user_version = 99'); db.close(); }, /written by a newer Tidewatch \(schema version 99; this one knows up to \d+\)/],
    ['another program\'s SQLite file', () => { const db = new Database(file()); db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)'); db.close(); }, /holds tables Tidewatch does not know: invoices/],
    ['a file missing a table its version needs', () => { olderFile(SCHEMA_VERSION); const db = new Database(file()); db.exec('DROP TABLE rollups'); db.close(); }, /tables are missing: rollups/],
    ['a file with damaged pages', () => corruptPages(), /integrity check failed|damaged/],
  ];

  it.each(damaged)('moves %s aside (never deletes it), says where, and starts a new one', (_, make, reason) => {
    fresh();
    open().db.close();
    rmSync(file());
    rmSync(`${file()}-wal`, { force: true });
    rmSync(`${file()}-shm`, { force: true });
    make();
    const original = readFileSync(file());
    const { opened, state, db } = open();
    const aside = path.join(dir, 'history', 'history.db.corrupt-2026-11-05T10-22-33.456Z');
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatch(reason);
    expect(opened.notices[0]).toContain(`It was moved to ${aside} (nothing was deleted) and a new history was started.`);
    expect(readFileSync(aside)).toEqual(original);
    expect(state.version).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM samples').get()).toEqual({ n: 0 });
    db.close();
  });

  it('moves a damaged file\'s WAL aside with it, so the new database cannot replay it', () => {
    fresh();
    open().db.close();
    rmSync(file());
    olderFile(SCHEMA_VERSION);
    const db = new Database(file());
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('INSERT INTO samples VALUES (1, 3000, 3.5, 0)').run();
    db.pragma('user_version = 99');
    // Leave the WAL behind as a crash would.
    const wal = readFileSync(`${file()}-wal`);
    db.close();
    writeFileSync(`${file()}-wal`, wal);
    const { opened, db: next } = open();
    expect(opened.notices[0]).toMatch(/newer Tidewatch/);
    expect(readdirSync(path.dirname(file())).filter((f) => f.includes('corrupt')).sort()).toEqual(['history.db.corrupt-2026-11-05T10-22-33.456Z', 'history.db.corrupt-2026-11-05T10-22-33.456Z-shm', 'history.db.corrupt-2026-11-05T10-22-33.456Z-wal']);
    expect(next.prepare('SELECT count(*) AS n FROM samples').get()).toEqual({ n: 0 });
    next.close();
  });

  it('throws, and moves nothing, when the folder cannot be written', () => {
    fresh();
    writeFileSync(path.join(dir, 'history'), 'a file where the folder should be');
    expect(() => openHistoryDb(file(), NOW)).toThrow();
    expect(existsSync(path.join(dir, 'history'))).toBe(true);
    expect(statSync(path.join(dir, 'history')).isFile()).toBe(true);
  });
});

/** Overwrites a b-tree page in the middle of a database holding a few thousand samples. */
function corruptPages(): void {
  olderFile(SCHEMA_VERSION);
  const db = new Database(file());
  const insert = db.prepare('INSERT INTO samples VALUES (1, ?, ?, 0)');
  db.transaction(() => {
    for (let t = 3000; t < 20_000; t++) insert.run(t, t / 3);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  const bytes = readFileSync(file());
  const pageSize = bytes.readUInt16BE(16);
  const page = Math.floor(bytes.length / pageSize / 2);
  bytes.fill(0x5a, page * pageSize, page * pageSize + pageSize);
  writeFileSync(file(), bytes);
}
