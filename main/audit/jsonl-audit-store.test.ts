import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/audit-api.js';
import { AuditTrail } from './audit-trail.js';
import { AUDIT_FILE, JsonlAuditStore } from './jsonl-audit-store.js';

const entry = (target: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({ action: 'write', user: 'ann', station: 'desktop@cr1', target, oldValue: 50, newValue: 55, result: 'Good', detail: '', ...extra });

describe('the audit trail in a JSONL file', () => {
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
    return path.join(dir, AUDIT_FILE);
  };
  const openTrail = (file: string) => {
    const trail = new AuditTrail(new JsonlAuditStore(file), (level, message) => logLines.push(`${level} ${message}`), () => (clock.now += 1000));
    open.push(trail);
    return trail;
  };
  const close = (trail: AuditTrail) => {
    open.splice(open.indexOf(trail), 1);
    trail.dispose();
  };
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

  it('appends one line per record, readable only by the user, and verifies', () => {
    const file = fileIn();
    const trail = openTrail(file);
    trail.record(entry('demo/TIC101.SP'));
    trail.record(entry('demo/LIC101.SP'));
    expect(lines(file)).toHaveLength(2);
    expect(JSON.parse(lines(file)[1]!)).toMatchObject({ seq: 2, target: 'demo/LIC101.SP', user: 'ann' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(trail.verify()).toEqual({ ok: true, records: 2 });
    expect(trail.startupCheck).toEqual({ ok: true, records: 0 });
  });

  it('carries the chain on across a restart', () => {
    const file = fileIn();
    const first = openTrail(file);
    first.record(entry('a'));
    close(first);
    const second = openTrail(file);
    expect(second.startupCheck).toEqual({ ok: true, records: 1 });
    expect(second.record(entry('b')).seq).toBe(2);
    expect(second.verify()).toEqual({ ok: true, records: 2 });
  });

  it('detects a tampered file at the next start, names the record, logs it and records that it did', () => {
    const file = fileIn();
    const trail = openTrail(file);
    for (const target of ['a', 'b', 'c']) trail.record(entry(target));
    close(trail);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"target":"b"', '"target":"x"'));
    const reopened = openTrail(file);
    expect(reopened.startupCheck).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 2 } });
    expect(logLines).toEqual([expect.stringMatching(/^error audit trail: line 2 \(record 2\): .*edited/)]);
    expect(JSON.parse(lines(file).at(-1)!)).toMatchObject({ seq: 4, action: 'audit.check', result: 'broken: edited' });
  });

  it('detects a deleted last line through the remembered head', () => {
    const file = fileIn();
    const trail = openTrail(file);
    for (const target of ['a', 'b', 'c']) trail.record(entry(target));
    close(trail);
    writeFileSync(file, `${lines(file).slice(0, 2).join('\n')}\n`);
    expect(openTrail(file).startupCheck).toMatchObject({ ok: false, problem: { kind: 'truncated', message: 'records 3..3 are missing at the end: the trail was cut off' } });
  });

  it('keeps a torn last line as evidence, fences it off and reports it', () => {
    const file = fileIn();
    const trail = openTrail(file);
    trail.record(entry('a'));
    close(trail);
    appendFileSync(file, '{"seq":2,"time":17');
    const reopened = openTrail(file);
    expect(reopened.startupCheck).toMatchObject({ ok: false, problem: { kind: 'malformed', line: 2 } });
    expect(lines(file)[1]).toBe('{"seq":2,"time":17');
    expect(JSON.parse(lines(file)[2]!)).toMatchObject({ seq: 2, action: 'audit.check' });
  });

  it('refuses a second writer while the first runs', () => {
    const file = fileIn();
    openTrail(file);
    expect(() => new JsonlAuditStore(file)).toThrow(`is in use by process ${process.pid}`);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const file = fileIn();
    writeFileSync(`${file}.lock`, '999999999');
    expect(() => openTrail(file)).not.toThrow();
  });

  it('finds records by time range and text, newest first, and says when the limit cut the list', () => {
    const file = fileIn();
    const trail = openTrail(file);
    const times = ['demo/TIC101.SP', 'demo/LIC101.SP', 'demo/Pump1.Start', 'demo/TIC101.OP'].map((target) => trail.record(entry(target, target.endsWith('Start') ? { user: 'bob', newValue: true } : {})).time);
    expect(trail.query({ text: 'tic101', limit: 10 })).toEqual({ records: [expect.objectContaining({ target: 'demo/TIC101.OP' }), expect.objectContaining({ target: 'demo/TIC101.SP' })], truncated: false });
    expect(trail.query({ text: 'BOB', limit: 10 }).records.map((r) => r.target)).toEqual(['demo/Pump1.Start']);
    expect(trail.query({ from: times[1], to: times[3], limit: 10 }).records.map((r) => r.seq)).toEqual([3, 2]);
    expect(trail.query({ limit: 2 })).toEqual({ records: [expect.objectContaining({ seq: 4 }), expect.objectContaining({ seq: 3 })], truncated: true });
  });
});
