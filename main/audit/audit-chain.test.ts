import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditRecord } from '../../shared/api/audit-api.js';
import { chainRecord, GENESIS_HASH, hashOf, verifyChain } from './audit-chain.js';

const entry = (n: number): AuditEntry => ({ action: 'write', user: 'ann', station: 'desktop@cr1', target: 'demo/TIC101.SP', oldValue: n, newValue: n + 1, result: 'Good', detail: '' });

function chain(length: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 0; i < length; i++) records.push(chainRecord(records.at(-1) ?? null, entry(i), 1_700_000_000_000 + i));
  return records;
}

const problem = (records: readonly unknown[], head: { seq: number; hash: string } | null = null) => {
  const result = verifyChain(records, head);
  if (result.ok) throw new Error('expected the chain to be broken');
  return result.problem;
};

describe('the audit hash chain', () => {
  it('numbers records from 1 and links each to the previous hash', () => {
    const records = chain(3);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(records)).toEqual({ ok: true, records: 3 });
    expect(verifyChain([])).toEqual({ ok: true, records: 0 });
    expect(verifyChain(records, { seq: 3, hash: records[2]!.hash })).toEqual({ ok: true, records: 3 });
  });

  it('detects an edited value and names the record', () => {
    const records = chain(5);
    records[2] = { ...records[2]!, newValue: 99 };
    expect(problem(records)).toEqual({ kind: 'edited', line: 3, seq: 3, message: 'line 3 (record 3): its content does not match its hash: the record was edited' });
  });

  it('detects an edit whose author also recomputed that record’s hash, at the next record', () => {
    const records = chain(5);
    const { hash: _hash, ...body } = { ...records[2]!, user: 'mallory' };
    records[2] = { ...body, hash: hashOf(body) };
    expect(problem(records)).toMatchObject({ kind: 'inserted', seq: 4, message: 'line 4 (record 4): does not link to record 3 (its previous hash differs): record 3 was replaced or this one inserted' });
  });

  it('detects a deleted record in the middle', () => {
    const records = chain(5);
    records.splice(1, 2);
    expect(problem(records)).toMatchObject({ kind: 'deleted', line: 2, seq: 4, message: 'line 2 (record 4): records 2..3 are missing: records were deleted' });
  });

  it('detects records cut off at the end, given the remembered head', () => {
    const records = chain(5);
    const head = { seq: 5, hash: records[4]!.hash };
    expect(problem(records.slice(0, 3), head)).toMatchObject({ kind: 'truncated', message: 'records 4..5 are missing at the end: the trail was cut off' });
    expect(problem([], head)).toMatchObject({ kind: 'truncated' });
  });

  it('detects a whole chain rewritten from an edit onwards, given the remembered head', () => {
    const original = chain(5);
    const rewritten = original.slice(0, 2);
    for (let i = 2; i < 5; i++) rewritten.push(chainRecord(rewritten.at(-1)!, { ...entry(i), user: 'mallory' }, original[i]!.time));
    expect(verifyChain(rewritten)).toEqual({ ok: true, records: 5 }); // consistent in itself...
    expect(problem(rewritten, { seq: 5, hash: original[4]!.hash })).toMatchObject({ kind: 'inserted', message: expect.stringContaining('the trail was rewritten from there') }); // ...but not the chain we wrote
  });

  it('accepts a head one record behind (a crash between record and head), not more', () => {
    const records = chain(5);
    expect(verifyChain(records, { seq: 4, hash: records[3]!.hash })).toEqual({ ok: true, records: 5 });
    expect(problem(records, { seq: 3, hash: records[2]!.hash })).toMatchObject({ kind: 'inserted', message: 'records 5..5 were appended after the last remembered record 3' });
  });

  it('detects a duplicated (inserted) record', () => {
    const records = chain(4);
    records.splice(2, 0, records[1]!);
    expect(problem(records)).toMatchObject({ kind: 'inserted', line: 3, seq: 2, message: 'line 3 (record 2): record 2 appears a second time: a record was inserted or copied' });
  });

  it('detects a forged record slipped in with the next number', () => {
    const records = chain(4);
    const forged = chainRecord(records[1]!, { ...entry(7), user: 'mallory' }, records[1]!.time + 1);
    records.splice(2, 0, forged);
    expect(problem(records)).toMatchObject({ kind: 'inserted', line: 4, seq: 3 });
  });

  it('detects two records swapped', () => {
    const records = chain(5);
    [records[1], records[2]] = [records[2]!, records[1]!];
    expect(problem(records)).toMatchObject({ kind: 'reordered', line: 2, seq: 3, message: 'line 2 (record 3): record 3 comes where record 2 belongs: records were reordered' });
    const moved = chain(5);
    moved.push(moved.splice(0, 1)[0]!);
    expect(problem(moved)).toMatchObject({ kind: 'reordered', line: 1, seq: 2 });
  });

  it('reports a line that is not a record, or a record with a field added', () => {
    const records: unknown[] = chain(3);
    expect(problem([...records.slice(0, 2), null])).toMatchObject({ kind: 'malformed', line: 3, seq: null, message: expect.stringContaining('not a JSON record') });
    expect(problem([records[0], { ...(records[1] as object), admin: true }])).toMatchObject({ kind: 'malformed', line: 2, message: expect.stringContaining('not an audit record') });
  });

  it('counts how many records were good before the problem', () => {
    const records = chain(5);
    records[3] = { ...records[3]!, result: 'BadOutOfRange' };
    expect(verifyChain(records)).toMatchObject({ ok: false, records: 3 });
  });
});
