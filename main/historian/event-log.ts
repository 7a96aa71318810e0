import type Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * The alarm journal and the audit trail: two tables of one generic shape.
 * Their owners (main/alarms, main/audit) decide what goes in; the store only
 * knows what a search needs as columns, and keeps the rest as JSON.
 */
export type EventLogName = 'journal' | 'audit';

export interface EventLogEntry {
  /** ms since epoch: when it happened. */
  readonly time: number;
  /** What happened: "raise", "ack", "write", "login.failed", ... */
  readonly kind: string;
  /** What it is about: an alarm id, a tag id, a user, a file; "" for none. */
  readonly subject?: string;
  /** Who did it; "" for the system. */
  readonly user?: string;
  /** The human-readable line a text search looks in (with kind, subject and user). */
  readonly text?: string;
  /** Everything else, as JSON; returned exactly as given. */
  readonly payload?: unknown;
}

export interface StoredEvent {
  /** 1, 2, 3, ... in the order entries were stored. */
  readonly id: number;
  readonly time: number;
  readonly kind: string;
  readonly subject: string;
  readonly user: string;
  readonly text: string;
  readonly payload: unknown;
}

export interface EventLogQuery {
  /** ms, inclusive. */
  readonly from?: number;
  /** ms, exclusive. */
  readonly to?: number;
  /** Case-insensitive substring of text, kind, subject or user. */
  readonly text?: string;
  readonly kind?: string;
  readonly subject?: string;
  readonly user?: string;
  readonly limit: number;
  /** "newest" (default): newest first. "stored": in the order stored, after `afterId`: for walking a hash chain page by page. */
  readonly order?: 'newest' | 'stored';
  readonly afterId?: number;
}

export interface EventLogPage {
  readonly entries: readonly StoredEvent[];
  /** More entries matched than `limit`. */
  readonly truncated: boolean;
}

const MAX_TEXT = 10_000;
const text = (max: number) => z.string().max(max);

const eventLogEntrySchema = z.strictObject({
  time: z.number().finite(),
  kind: text(200).min(1),
  subject: text(1000).optional(),
  user: text(200).optional(),
  text: text(MAX_TEXT).optional(),
  payload: z.unknown().optional(),
});

const eventLogQuerySchema = z.strictObject({
  from: z.number().optional(),
  to: z.number().optional(),
  text: text(1000).optional(),
  kind: text(200).optional(),
  subject: text(1000).optional(),
  user: text(200).optional(),
  limit: z.number().int().min(1).max(100_000),
  order: z.enum(['newest', 'stored']).optional(),
  afterId: z.number().int().optional(),
});

/** What crosses to the writer: the payload already JSON, so a bad payload fails in the caller's thread. */
export interface EventRow {
  readonly time: number;
  readonly kind: string;
  readonly subject: string;
  readonly user: string;
  readonly text: string;
  readonly payload: string | null;
}

/** The entry as the writer stores it; a bad one throws, naming the method and the field. */
export function toEventRow(method: string, entry: EventLogEntry): EventRow {
  check(method, 'entry', eventLogEntrySchema, entry);
  let payload: string | undefined;
  try {
    payload = entry.payload === undefined ? undefined : JSON.stringify(entry.payload);
  } catch (error) {
    throw new Error(`${method}: payload: cannot be stored as JSON (${(error as Error).message})`, { cause: error });
  }
  return { time: entry.time, kind: entry.kind, subject: entry.subject ?? '', user: entry.user ?? '', text: entry.text ?? '', payload: payload ?? null };
}

export function checkEventQuery(method: string, query: EventLogQuery): void {
  check(method, 'query', eventLogQuerySchema, query);
}

function check(method: string, whole: string, schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || whole}: ${i.message}`).join('; ')}`);
}

/** Lower-cased in JS, not SQL: SQLite's lower() only folds ASCII. */
function searchText(row: EventRow): string {
  return [row.kind, row.subject, row.user, row.text].join('\n').toLowerCase();
}

export function appendEvent(db: Database.Database, log: EventLogName, row: EventRow): number {
  const sql = `INSERT INTO ${log} (time, kind, subject, user, text, search, payload) VALUES (?, ?, ?, ?, ?, ?, ?)`;
  const result = db.prepare(sql).run(row.time, row.kind, row.subject, row.user, row.text, searchText(row), row.payload);
  return Number(result.lastInsertRowid);
}

export function queryEvents(db: Database.Database, log: EventLogName, query: EventLogQuery): EventLogPage {
  const where: string[] = [];
  const params: unknown[] = [];
  const when = (condition: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(condition);
    params.push(value);
  };
  when('time >= ?', query.from);
  when('time < ?', query.to);
  when('kind = ?', query.kind);
  when('subject = ?', query.subject);
  when('user = ?', query.user);
  when('instr(search, ?) > 0', query.text?.toLowerCase());
  const stored = query.order === 'stored';
  if (stored) when('id > ?', query.afterId ?? 0);
  const sql = `SELECT id, time, kind, subject, user, text, payload FROM ${log}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${stored ? 'id' : 'time DESC, id DESC'} LIMIT ?`;
  const rows = db.prepare(sql).all(...params, query.limit + 1) as (Omit<StoredEvent, 'payload'> & { payload: string | null })[];
  const entries = rows.slice(0, query.limit).map((row) => ({ ...row, payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown) }));
  return { entries, truncated: rows.length > query.limit };
}

export function deleteEventsBefore(db: Database.Database, log: EventLogName, cutoff: number, limit: number): number {
  const sql = `DELETE FROM ${log} WHERE id IN (SELECT id FROM ${log} WHERE time < ? ORDER BY time LIMIT ?)`;
  return db.prepare(sql).run(cutoff, limit).changes;
}
