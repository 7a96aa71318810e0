import Database from 'better-sqlite3';
import type { AuditPage, AuditQuery, AuditRecord } from '../../shared/api/audit-api.js';
import { openHistoryDb } from '../historian/open-history-db.js';
import type { AuditHead } from './audit-chain.js';
import type { AuditStore } from './audit-store.js';

interface Row {
  seq: number; time: number; action: string; user: string; station: string; target: string;
  old_value: string; new_value: string; result: string; detail: string; prev_hash: string; hash: string;
}

const COLUMNS = 'seq, time, action, user, station, target, old_value, new_value, result, detail, prev_hash, hash';

/**
 * The trail in the historian's SQLite file (issue 6: journal and audit in one
 * store), tables audit_trail and audit_head. Written from main over a
 * connection of its own, synchronously with synchronous=FULL, rather than
 * through the historian's writer thread: an audited action must be on disk
 * before it is acknowledged, and the writer batches samples, can be busy with
 * retention, or may have stopped; WAL lets both connections share the file.
 * Opening first (before the historian starts) runs the check, set-aside and
 * migrations once, so the writer finds a file ready.
 */
export class SqliteAuditStore implements AuditStore {
  readonly notices: readonly string[];
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly setHead: Database.Statement;

  constructor(readonly file: string, now = new Date()) {
    const opened = openHistoryDb(file, now);
    this.db = opened.db;
    this.notices = opened.notices;
    this.db.pragma('synchronous = FULL');
    this.insert = this.db.prepare(`INSERT INTO audit_trail (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.setHead = this.db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash');
  }

  append(record: AuditRecord): void {
    this.appendAll([record]);
  }

  /** In one transaction: importing an old trail lands whole or not at all. */
  appendAll(records: readonly AuditRecord[]): void {
    this.db.transaction(() => {
      for (const r of records) {
        this.insert.run(r.seq, r.time, r.action, r.user, r.station, r.target, JSON.stringify(r.oldValue), JSON.stringify(r.newValue), r.result, r.detail, r.prevHash, r.hash);
      }
      const last = records.at(-1);
      if (last) this.setHead.run(last.seq, last.hash);
    }).immediate();
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM audit_trail LIMIT 1').get() === undefined && this.head() === null;
  }

  readAll(): Iterable<unknown> {
    return readTrail(this.db);
  }

  head(): AuditHead | null {
    return readTrailHead(this.db);
  }

  query(query: AuditQuery): AuditPage {
    const where: string[] = [];
    const params: (number | string)[] = [];
    if (query.from !== undefined) {
      where.push('time >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('time < ?');
      params.push(query.to);
    }
    if (query.text) {
      // Every field a user reads; instr on lower() is a case-insensitive substring, with no LIKE wildcards to escape.
      const fields = ['action', 'user', 'station', 'target', 'old_value', 'new_value', 'result', 'detail', 'CAST(seq AS TEXT)'];
      where.push(`(${fields.map((f) => `instr(lower(${f}), ?) > 0`).join(' OR ')})`);
      params.push(...fields.map(() => query.text!.toLowerCase()));
    }
    const sql = `SELECT ${COLUMNS} FROM audit_trail ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, query.limit + 1) as Row[];
    return { records: rows.slice(0, query.limit).map((row) => toRecord(row) as AuditRecord), truncated: rows.length > query.limit };
  }

  dispose(): void {
    this.db.close();
  }
}

const PAGE_ROWS = 1000;

/**
 * Every row in stored (rowid) order, as a record to be verified, not trusted;
 * null for a value that is not JSON. Read in pages, so a reader that stops at
 * the first broken record leaves no statement open on the connection.
 */
export function* readTrail(db: Database.Database): Generator<unknown> {
  const page = db.prepare(`SELECT rowid AS row_id, ${COLUMNS} FROM audit_trail WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`);
  for (let after = Number.MIN_SAFE_INTEGER; ;) {
    const rows = page.all(after) as (Row & { row_id: number })[];
    for (const row of rows) yield toRecord(row);
    if (rows.length < PAGE_ROWS) return;
    after = rows.at(-1)!.row_id;
  }
}

export function readTrailHead(db: Database.Database): AuditHead | null {
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as AuditHead | undefined;
  return head ?? null;
}

function toRecord(row: Row): unknown {
  try {
    return {
      seq: row.seq, time: row.time, action: row.action, user: row.user, station: row.station, target: row.target,
      oldValue: JSON.parse(row.old_value) as unknown, newValue: JSON.parse(row.new_value) as unknown,
      result: row.result, detail: row.detail, prevHash: row.prev_hash, hash: row.hash,
    };
  } catch {
    return null;
  }
}
