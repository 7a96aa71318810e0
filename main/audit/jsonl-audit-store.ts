import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { UNREADABLE_HEAD, type AuditHead } from './audit-chain.js';

// Reading the trail as it was kept before it moved into the history database
// (sqlite-audit-store.ts): one JSON record per line, the last record's seq and
// hash in FILE.head. The app imports such a file once; audit:verify still reads one.

export const AUDIT_FILE = 'audit.jsonl';

const CHUNK_BYTES = 64 * 1024;

export function headFileFor(file: string): string {
  return `${file}.head`;
}

export function readHead(headFile: string): AuditHead | null {
  if (!existsSync(headFile)) return null;
  try {
    const head = JSON.parse(readFileSync(headFile, 'utf8')) as Partial<AuditHead>;
    if (typeof head.seq === 'number' && typeof head.hash === 'string') return { seq: head.seq, hash: head.hash };
  } catch {
    // Falls through: verify reports an unreadable head rather than skipping the tail check.
  }
  return UNREADABLE_HEAD;
}

/** Every line parsed as JSON (null where it is not), read in chunks so a large trail never sits in memory whole. */
export function* readJsonLines(file: string): Generator<unknown> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let carry = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      let data = Buffer.concat([carry, buffer.subarray(0, read)]);
      for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10)) {
        const line = data.subarray(0, end).toString('utf8');
        data = data.subarray(end + 1);
        if (line.trim() !== '') yield parseLine(line);
      }
      carry = Buffer.from(data);
    }
    if (carry.toString('utf8').trim() !== '') yield parseLine(carry.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return null;
  }
}
