import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../shared/api/audit-api.js';
import { auditCsv } from './audit-csv.js';

const record = (seq: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  seq,
  time: Date.UTC(2026, 10, 25, 8, 30, seq),
  action: 'write',
  user: 'olga',
  station: 'desktop@cr1',
  target: 'demo/TIC101.SP',
  oldValue: 60,
  newValue: 75,
  result: 'Good',
  detail: '',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  ...extra,
});

describe('auditCsv', () => {
  it('writes a header and one row per record, oldest first, with ISO times', () => {
    expect(auditCsv([record(2), record(1, { oldValue: null, newValue: true })]).split('\r\n')).toEqual([
      'seq,time,user,station,action,target,oldValue,newValue,result,detail,hash',
      `1,2026-11-25T08:30:01.000Z,olga,desktop@cr1,write,demo/TIC101.SP,,true,Good,,${'a'.repeat(64)}`,
      `2,2026-11-25T08:30:02.000Z,olga,desktop@cr1,write,demo/TIC101.SP,60,75,Good,,${'a'.repeat(64)}`,
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const row = auditCsv([record(1, { detail: 'read back 75, "ok"\nnext', target: '=HYPERLINK("http://x")', user: ' padded ' })]).split('\r\n')[1]!;
    expect(row).toContain(`"read back 75, ""ok""\nnext"`);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain('" padded "');
    expect(auditCsv([record(1, { result: '-1' })])).toContain(",'-1,");
  });
});
