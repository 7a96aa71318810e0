import type Database from 'better-sqlite3';
import { ROLLUP_EPOCH_CELLS } from './rollup-epoch.js';

/**
 * The history database's schema, one step per version (PRAGMA user_version).
 * A step never changes: a new need is a new step, so a file from any older
 * Tidewatch is brought up to date by running the steps it has not seen.
 */
interface Migration {
  readonly version: number;
  /** The tables this step creates: a file holding any other table is not ours. */
  readonly tables: readonly string[];
  readonly sql: string;
}

const EVENT_LOG_COLUMNS = `
  id INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  user TEXT NOT NULL,
  text TEXT NOT NULL,
  search TEXT NOT NULL,
  payload TEXT`;

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    tables: ['tags', 'samples', 'rollups', 'rollup_levels'],
    // Samples are clustered by tag then time (WITHOUT ROWID): a trend reads one
    // tag's range as one contiguous scan, and the key is the only index.
    // Rollup times are offsets from the cell start: small varints, not 6-byte times.
    sql: `
      CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      CREATE TABLE samples (
        tag_id INTEGER NOT NULL, time INTEGER NOT NULL, value REAL, status INTEGER NOT NULL,
        PRIMARY KEY (tag_id, time)) WITHOUT ROWID;
      CREATE TABLE rollups (
        level INTEGER NOT NULL, tag_id INTEGER NOT NULL, cell INTEGER NOT NULL,
        count INTEGER NOT NULL, good INTEGER NOT NULL, sum REAL NOT NULL,
        first_t INTEGER NOT NULL, first_v REAL, first_s INTEGER NOT NULL,
        min_t INTEGER, min_v REAL, min_s INTEGER,
        max_t INTEGER, max_v REAL, max_s INTEGER,
        last_t INTEGER NOT NULL, last_v REAL, last_s INTEGER NOT NULL,
        PRIMARY KEY (level, tag_id, cell)) WITHOUT ROWID;
      CREATE TABLE rollup_levels (
        tag_id INTEGER NOT NULL, level INTEGER NOT NULL, since INTEGER NOT NULL,
        PRIMARY KEY (tag_id, level)) WITHOUT ROWID;`,
  },
  {
    version: 2,
    tables: ['journal', 'audit'],
    sql: `
      CREATE TABLE journal (${EVENT_LOG_COLUMNS});
      CREATE INDEX journal_time ON journal (time);
      CREATE INDEX journal_subject ON journal (subject, time);
      CREATE TABLE audit (${EVENT_LOG_COLUMNS});
      CREATE INDEX audit_time ON audit (time);
      CREATE INDEX audit_subject ON audit (subject, time);
      CREATE INDEX audit_user ON audit (user, time);`,
  },
  {
    version: 3,
    tables: ['audit_trail', 'audit_head'],
    // The hash-chained trail (main/audit): one column per field of an AuditRecord,
    // old and new values as JSON so a number stays a number under the hash.
    // The head is remembered apart from the rows, so cutting rows off the end shows.
    sql: `
      CREATE TABLE audit_trail (
        seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, action TEXT NOT NULL, user TEXT NOT NULL,
        station TEXT NOT NULL, target TEXT NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL,
        result TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
      CREATE INDEX audit_trail_time ON audit_trail (time);
      CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);`,
  },
  {
    version: 4,
    tables: ['sample_blocks'],
    // Samples packed per tag (sample-blocks.ts), in a rowid table: a block is a few
    // hundred bytes to 4 KB, too big for WITHOUT ROWID pages. `samples` stays for the
    // rows older versions wrote; they are read as they are and age out with retention.
    sql: `
      CREATE TABLE sample_blocks (
        id INTEGER PRIMARY KEY, tag_id INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
        count INTEGER NOT NULL, data BLOB NOT NULL);
      CREATE UNIQUE INDEX sample_blocks_tag_first ON sample_blocks (tag_id, first);`,
  },
  {
    version: 5,
    tables: [],
    // Rollups clustered by time first (rollup-epoch.ts): keyed by tag first, every
    // 1 s batch rewrote one page per tag and level: 14.6 MB of WAL a second after
    // 3 minutes of 1,000 fast tags, growing with the history. The copy keeps every row; floor
    // division keeps cells before 1970 in the epoch the writer gives them.
    sql: `
      CREATE TABLE rollups_by_epoch (
        level INTEGER NOT NULL, epoch INTEGER NOT NULL, tag_id INTEGER NOT NULL, cell INTEGER NOT NULL,
        count INTEGER NOT NULL, good INTEGER NOT NULL, sum REAL NOT NULL,
        first_t INTEGER NOT NULL, first_v REAL, first_s INTEGER NOT NULL,
        min_t INTEGER, min_v REAL, min_s INTEGER,
        max_t INTEGER, max_v REAL, max_s INTEGER,
        last_t INTEGER NOT NULL, last_v REAL, last_s INTEGER NOT NULL,
        PRIMARY KEY (level, epoch, tag_id, cell)) WITHOUT ROWID;
      INSERT INTO rollups_by_epoch
        SELECT level, CASE WHEN cell >= 0 THEN cell / ${ROLLUP_EPOCH_CELLS} ELSE (cell - ${ROLLUP_EPOCH_CELLS - 1}) / ${ROLLUP_EPOCH_CELLS} END, tag_id, cell,
               count, good, sum, first_t, first_v, first_s, min_t, min_v, min_s, max_t, max_v, max_s, last_t, last_v, last_s
        FROM rollups;
      DROP TABLE rollups;
      ALTER TABLE rollups_by_epoch RENAME TO rollups;`,
  },
  {
    version: 6,
    tables: [],
    // Blocks in the denser layouts (sample-blocks.ts); the tables are unchanged and older
    // blocks are still read. The number tells an older Tidewatch, which cannot read the
    // new blocks, that the file is newer than it, instead of failing on every query.
    sql: '',
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The tables a file at this version must hold, and may hold. */
export function tablesAt(version: number): ReadonlySet<string> {
  return new Set(MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => m.tables));
}

/** Runs each missing step in its own transaction, so a crash mid-way leaves a file at a known version. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
}

export function tableNames(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all();
  return rows as string[];
}
