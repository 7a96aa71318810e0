// What the historian writes to disk per value once a history is long: WAL pages
// of a batch, measured on the real writer and file (WAL, synchronous=FULL). The
// short insert run cannot show it, because write cost that grows with the history
// stays small while the file is young. Baseline in the same run: the bytes the
// samples themselves take in their blocks, so the ratio is the write amplification.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HistoryWriter } from '../../main/historian/history-writer.js';
import { openHistoryDb } from '../../main/historian/open-history-db.js';
import type { Record } from './bench-types.js';

const TAGS = 1000;
const PER_TAG = 100;
/** Simulated seconds of history before measuring, and the batches measured after them. */
const HISTORY_S = 180;
const MEASURED = 20;

export function runWalBench(record: Record): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'tidewatch-wal-bench-'));
  try {
    const { db } = openHistoryDb(path.join(dir, 'history.db'), new Date());
    const writer = new HistoryWriter(db);
    writer.addTags(0, Array.from({ length: TAGS }, (_, i) => `bench/T${i}`));
    const count = TAGS * PER_TAG;
    const batch = { count, tag: new Uint32Array(count), time: new Float64Array(count), value: new Float64Array(count), status: new Uint32Array(count) };
    const t0 = Date.UTC(2026, 0, 1);
    let pages = 0;
    for (let s = 0; s < HISTORY_S + MEASURED; s++) {
      for (let k = 0, i = 0; k < PER_TAG; k++) {
        for (let tag = 0; tag < TAGS; tag++, i++) {
          batch.tag[i] = tag;
          batch.time[i] = t0 + s * 1000 + k * 10;
          batch.value[i] = 50 + 10 * Math.sin(batch.time[i]! / 7000 + tag) + (k % 7) * 0.01;
        }
      }
      // An emptied WAL before each batch: the frames in it afterwards are that batch's.
      db.pragma('wal_checkpoint(TRUNCATE)');
      writer.writeBatch(batch);
      const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      if (s >= HISTORY_S) pages += state?.log ?? 0;
    }
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const { bytes, samples } = db.prepare('SELECT sum(length(data)) AS bytes, sum(count) AS samples FROM sample_blocks').get() as { bytes: number; samples: number };
    db.close();
    const walPerValue = (pages * pageSize) / (MEASURED * count);
    const blockPerValue = bytes / samples;
    record('historian.wal_bytes_per_value_long_history', walPerValue, `${TAGS} tags x ${PER_TAG} Hz after ${HISTORY_S} s of history: ${((pages / MEASURED) * pageSize / 1e6).toFixed(1)} MB of WAL a 1 s batch; baseline: the samples take ${blockPerValue.toFixed(1)} B each in their blocks`);
    record('historian.write_amplification', walPerValue / blockPerValue, 'WAL bytes written / block bytes stored, per value');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
