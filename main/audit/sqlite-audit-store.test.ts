import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/audit-api.js';
import { chainRecord } from './audit-chain.js';
import { AuditTrail } from './audit-trail.js';
import { importJsonlTrail } from './import-jsonl-trail.js';
import { AUDIT_FILE } from './jsonl-audit-store.js';
import { SqliteAuditStore } from './sqlite-audit-store.js';
import { verifyAuditFile } from './verify-audit-file.js';

const entry = (target: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({ action: 'write', user: 'ann', station: 'desktop@cr1', target, oldValue: 50, newValue: 55, result: 'Good', detail: '', ...extra });

describe('the audit trail in the history database', () => {
  const dirs: string[] = [];
  const open: AuditTrail[] = [];
  const logLines: string[] = [];
  const clock = { now: 1_700_000_000_000 };
  afterEach(() => {
    for (const trail of open.splice(0)) trail.dispose();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    logLines.length = 0;
  });
  const fileIn = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-audit-'));
    dirs.push(dir);
    return path.join(dir, 'history', 'history.db');
  };
  const openTrail = (file: string) => {
    const trail = new AuditTrail(new SqliteAuditStore(file), (level, message) => logLines.push(`${level} ${message}`), () => (clock.now += 1000));
    open.push(trail);
    return trail;
  };
  const close = (trail: AuditTrail) => {
    open.splice(open.indexOf(trail), 1);
    trail.dispose();
  };
  /** What someone with the file and the sqlite3 tool could do, behind the app's back. */
  const tamper = (file: string, sql: string) => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };
  const written = (file: string, ...targets: string[]) => {
    const trail = openTrail(file);
    for (const target of targets) trail.record(entry(target));
    close(trail);
  };

  it('keeps values typed, carries the chain on across a restart, and verifies from a separate read-only connection', () => {
    const file = fileIn();
    const first = openTrail(file);
    first.record(entry('a', { oldValue: null, newValue: true }));
    close(first);
    const second = openTrail(file);
    expect(second.startupCheck).toEqual({ ok: true, records: 1 });
    expect(second.record(entry('b', { newValue: '55' })).seq).toBe(2);
    expect(second.query({ limit: 10 }).records.map((r) => [r.oldValue, r.newValue])).toEqual([[50, '55'], [null, true]]);
    expect(verifyAuditFile(file)).toEqual({ ok: true, records: 2 });
  });

  it.each([
    ['an edited row', "UPDATE audit_trail SET new_value = '7' WHERE seq = 2", { kind: 'edited', seq: 2 }],
    ['a deleted row', 'DELETE FROM audit_trail WHERE seq = 2', { kind: 'deleted', seq: 3 }],
    ['a deleted last row', 'DELETE FROM audit_trail WHERE seq = 3', { kind: 'truncated' }],
    ['every row and the head deleted, head rewound', "DELETE FROM audit_trail WHERE seq > 1; UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_trail WHERE seq = 1)", null],
  ])('detects %s at the next start and in verify, logs it and records that it did', (_, sql, problem) => {
    const file = fileIn();
    written(file, 'a', 'b', 'c');
    tamper(file, sql);
    if (problem === null) {
      // Rewriting the head as well is beyond what the chain alone can see: a cut-off tail looks like a shorter trail.
      expect(verifyAuditFile(file)).toEqual({ ok: true, records: 1 });
      return;
    }
    expect(verifyAuditFile(file)).toMatchObject({ ok: false, problem });
    const reopened = openTrail(file);
    expect(reopened.startupCheck).toMatchObject({ ok: false, problem });
    expect(logLines).toEqual([expect.stringMatching(/^error audit trail: /)]);
    expect(reopened.query({ limit: 1 }).records[0]).toMatchObject({ action: 'audit.check', result: `broken: ${problem.kind}` });
  });

  it('opening first sets a damaged history database aside and says so, for the app to show', () => {
    const file = fileIn();
    mkdirSync(path.dirname(file));
    writeFileSync(file, 'not a database');
    const store = new SqliteAuditStore(file, new Date(0));
    open.push(new AuditTrail(store, () => undefined));
    expect(store.notices).toEqual([expect.stringMatching(/^The history database .*history\.db could not be used \(.*\)\. It was moved to .*history\.db\.corrupt-1970-01-01T00-00-00\.000Z \(nothing was deleted\)/)]);
    expect(readdirSync(path.dirname(file))).toContain('history.db.corrupt-1970-01-01T00-00-00.000Z');
  });

  it('finds records by time range and text, newest first, and says when the limit cut the list', () => {
    const trail = openTrail(fileIn());
    const times = ['demo/TIC101.SP', 'demo/LIC101.SP', 'demo/Pump1.Start', 'demo/TIC101.OP'].map((target) => trail.record(entry(target, target.endsWith('Start') ? { user: 'bob', newValue: true } : {})).time);
    expect(trail.query({ text: 'tic101', limit: 10 })).toEqual({ records: [expect.objectContaining({ target: 'demo/TIC101.OP' }), expect.objectContaining({ target: 'demo/TIC101.SP' })], truncated: false });
    expect(trail.query({ text: 'BOB', limit: 10 }).records.map((r) => r.target)).toEqual(['demo/Pump1.Start']);
    expect(trail.query({ text: '100%_', limit: 10 }).records).toEqual([]);
    expect(trail.query({ from: times[1], to: times[3], limit: 10 }).records.map((r) => r.seq)).toEqual([3, 2]);
    expect(trail.query({ limit: 2 })).toEqual({ records: [expect.objectContaining({ seq: 4 }), expect.objectContaining({ seq: 3 })], truncated: true });
  });

  it('imports an older audit.jsonl once, verified, keeps the file renamed, and carries its chain on', () => {
    const file = fileIn();
    const dir = path.dirname(path.dirname(file));
    const a = chainRecord(null, entry('a'), 1000);
    const b = chainRecord(a, entry('b'), 2000);
    writeFileSync(path.join(dir, AUDIT_FILE), `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const store = new SqliteAuditStore(file);
    const now = new Date(Date.UTC(2026, 11, 6, 13));
    expect(importJsonlTrail(store, path.join(dir, AUDIT_FILE), now)).toMatchObject({ level: 'info', message: expect.stringContaining('2 records imported') });
    const trail = new AuditTrail(store, () => undefined);
    open.push(trail);
    expect(trail.startupCheck).toEqual({ ok: true, records: 2 });
    expect(trail.record(entry('c'))).toMatchObject({ seq: 3, prevHash: b.hash });
    expect(existsSync(path.join(dir, AUDIT_FILE))).toBe(false);
    expect(readdirSync(dir)).toContain(`${AUDIT_FILE}.imported-2026-12-06T13-00-00.000Z`);
    expect(importJsonlTrail(store, path.join(dir, AUDIT_FILE), now)).toBeNull();
  });

  it('does not import a broken audit.jsonl: keeps it renamed as broken and says why', () => {
    const file = fileIn();
    const dir = path.dirname(path.dirname(file));
    const a = chainRecord(null, entry('a'), 1000);
    writeFileSync(path.join(dir, AUDIT_FILE), `${JSON.stringify({ ...a, newValue: 7 })}\n`);
    const store = new SqliteAuditStore(file);
    open.push(new AuditTrail(store, () => undefined));
    expect(importJsonlTrail(store, path.join(dir, AUDIT_FILE), new Date(0))).toMatchObject({ level: 'error', message: expect.stringContaining('its chain is broken (line 1 (record 1)') });
    expect(store.isEmpty()).toBe(true);
    expect(readdirSync(dir)).toContain(`${AUDIT_FILE}.broken-1970-01-01T00-00-00.000Z`);
  });
});
