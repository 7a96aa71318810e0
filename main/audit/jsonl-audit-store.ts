import { closeSync, existsSync, fdatasyncSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AuditPage, AuditQuery, AuditRecord } from '../../shared/api/audit-api.js';
import { storedRecordSchema, UNREADABLE_HEAD, type AuditHead } from './audit-chain.js';
import { matchesAuditQuery, type AuditStore } from './audit-store.js';
import { acquireLockFile, type LockFile } from './lock-file.js';

export const AUDIT_FILE = 'audit.jsonl';

const CHUNK_BYTES = 64 * 1024;

/**
 * The audit trail as one JSON record per line, opened for appending only.
 * Chosen over SQLite for now because appending is all a trail does, the file
 * needs no native module, and `npm run audit:verify FILE` (or a text editor,
 * or grep) can read it on any machine. A crash mid-line leaves a torn last
 * line: it is kept (it is evidence), fenced off with a newline, and reported
 * by verify. One process writes at a time (a lock file), or two chains would fork.
 */
export class JsonlAuditStore implements AuditStore {
  private readonly fd: number;
  private readonly headFile: string;
  private readonly lock: LockFile;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.lock = acquireLockFile(`${file}.lock`, 'the audit trail');
    this.headFile = headFileFor(file);
    try {
      this.fd = openSync(file, 'a', 0o600);
      if (!endsWithNewline(file, fstatSync(this.fd).size)) this.writeDurably('\n');
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  append(record: AuditRecord): void {
    this.writeDurably(`${JSON.stringify(record)}\n`);
    writeHead(this.headFile, { seq: record.seq, hash: record.hash });
  }

  readAll(): Iterable<unknown> {
    return readJsonLines(this.file);
  }

  head(): AuditHead | null {
    return readHead(this.headFile);
  }

  query(query: AuditQuery): AuditPage {
    const newest: AuditRecord[] = [];
    let matched = 0;
    for (const raw of this.readAll()) {
      const parsed = storedRecordSchema.safeParse(raw);
      if (!parsed.success || !matchesAuditQuery(parsed.data as AuditRecord, query)) continue;
      matched++;
      newest.push(parsed.data as AuditRecord);
      if (newest.length > query.limit) newest.shift();
    }
    return { records: newest.reverse(), truncated: matched > query.limit };
  }

  dispose(): void {
    closeSync(this.fd);
    this.lock.release();
  }

  private writeDurably(text: string): void {
    writeSync(this.fd, text);
    fdatasyncSync(this.fd);
  }
}

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

function writeHead(headFile: string, head: AuditHead): void {
  // Through a temporary file and a rename: a crash leaves the old head or the new one, never half of one.
  const temporary = `${headFile}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(temporary, headFile);
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

function endsWithNewline(file: string, size: number): boolean {
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 10;
  } finally {
    closeSync(fd);
  }
}
