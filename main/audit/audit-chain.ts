import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditEntry, AuditRecord, AuditVerifyResult } from '../../shared/api/audit-api.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a store reports when the remembered head exists but cannot be read. */
export const UNREADABLE_HEAD: AuditHead = { seq: 0, hash: 'unreadable' };

/** The head a store remembers apart from the records, so a cut-off tail is noticed too. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Links an entry onto the chain: the hash covers every field, the previous hash included. */
export function chainRecord(previous: AuditHead | null, entry: AuditEntry, time: number): AuditRecord {
  const body = { ...entry, seq: (previous?.seq ?? 0) + 1, time, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: hashOf(body) };
}

export function hashOf(body: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

// What a stored record must look like before its hash is even computed: a
// record with an extra or missing field is as suspect as one with a wrong hash.
export const storedRecordSchema = z.strictObject({
  seq: z.number().int().positive(),
  time: z.number(),
  action: z.string(),
  user: z.string(),
  station: z.string(),
  target: z.string(),
  oldValue: value,
  newValue: value,
  result: z.string(),
  detail: z.string(),
  prevHash: hash,
  hash,
});

/** One stored line or row, already parsed; `null` for one that was not even JSON. */
export type StoredRecord = unknown;

/**
 * Walks the chain in stored order and reports the first record that breaks
 * it, by line and sequence number: an edit (its hash no longer matches its
 * content), a deletion (a gap in the numbers), an insertion (a number seen
 * before, or a record that does not link to its predecessor), a reordering
 * (a number that belongs elsewhere), a malformed record, or, given the head
 * remembered apart from the records, records cut off at the end.
 */
export function verifyChain(records: Iterable<StoredRecord>, expectedHead: AuditHead | null = null): AuditVerifyResult {
  let previous: AuditHead | null = null;
  let line = 0;
  const seen = new Set<number>();
  let hashAtHead: string | null = null;
  const iterator = records[Symbol.iterator]();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    line++;
    const parsed = storedRecordSchema.safeParse(next.value);
    const fail = (kind: Exclude<AuditVerifyResult, { ok: true }>['problem']['kind'], seq: number | null, message: string): AuditVerifyResult => ({
      ok: false,
      records: line - 1,
      problem: { kind, line, seq, message: `line ${line}${seq === null ? '' : ` (record ${seq})`}: ${message}` },
    });
    if (!parsed.success) return fail('malformed', null, next.value === null ? 'not a JSON record (a torn write after a crash, or an edit)' : `not an audit record (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message ?? '?'})`);
    const record = parsed.data as AuditRecord;
    const { hash: stored, ...body } = record;
    if (hashOf(body) !== stored) return fail('edited', record.seq, 'its content does not match its hash: the record was edited');
    const expectedSeq: number = (previous?.seq ?? 0) + 1;
    if (record.seq !== expectedSeq) {
      if (seen.has(record.seq)) return fail('inserted', record.seq, `record ${record.seq} appears a second time: a record was inserted or copied`);
      if (record.seq < expectedSeq) return fail('reordered', record.seq, `record ${record.seq} comes after record ${expectedSeq - 1}: records were reordered`);
      const laterHasExpected = findsSeq(iterator, expectedSeq);
      return laterHasExpected
        ? fail('reordered', record.seq, `record ${record.seq} comes where record ${expectedSeq} belongs: records were reordered`)
        : fail('deleted', record.seq, `records ${expectedSeq}..${record.seq - 1} are missing: records were deleted`);
    }
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return fail('inserted', record.seq, `does not link to record ${expectedSeq - 1} (its previous hash differs): record ${expectedSeq - 1} was replaced or this one inserted`);
    }
    seen.add(record.seq);
    previous = { seq: record.seq, hash: record.hash };
    if (record.seq === expectedHead?.seq) hashAtHead = record.hash;
  }
  if (expectedHead !== null) {
    const have = previous?.seq ?? 0;
    const tail = (kind: 'truncated' | 'inserted' | 'malformed', message: string): AuditVerifyResult => ({ ok: false, records: line, problem: { kind, line: line + 1, seq: have + 1, message } });
    if (expectedHead === UNREADABLE_HEAD) return tail('malformed', 'the remembered last record (the .head file) is unreadable: the end of the trail cannot be checked');
    if (have < expectedHead.seq) return tail('truncated', `records ${have + 1}..${expectedHead.seq} are missing at the end: the trail was cut off`);
    if (hashAtHead !== expectedHead.hash) return tail('inserted', `record ${expectedHead.seq} is not the one remembered as the last written: the trail was rewritten from there`);
    // The head is written just after each record: a crash between the two leaves it one behind, never more.
    if (have > expectedHead.seq + 1) return tail('inserted', `records ${expectedHead.seq + 2}..${have} were appended after the last remembered record ${expectedHead.seq}`);
  }
  return { ok: true, records: line };
}

function findsSeq(rest: Iterator<StoredRecord>, seq: number): boolean {
  for (let next = rest.next(); !next.done; next = rest.next()) {
    const parsed = storedRecordSchema.safeParse(next.value);
    if (parsed.success && parsed.data.seq === seq) return true;
  }
  return false;
}
