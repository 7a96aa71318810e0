// The historian benchmark: sustained batched inserts through the real
// Historian (worker thread, WAL, rollups), an 8-hour trend query, storage per
// value, and as the baseline in the same run the plain layout (a rowid table
// with an index on tag and time, no rollups) holding the same samples.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aggregates } from '../../main/historian/aggregates.js';
import { bucketPoints } from '../../main/historian/bucket-points.js';
import { Historian } from '../../main/historian/historian.js';
import { HistoryService, plainNumbers } from '../../main/historian/history-service.js';
import { bucketIndex } from '../../main/historian/rollup-plan.js';
import { SampleBlockReader } from '../../main/historian/sample-blocks.js';
import type { Record } from './bench-types.js';
import { percentile } from './percentile.js';
import { runWalBench } from './wal-bench.js';

// The bench bundle sits beside historian-worker.js (run-bench.mjs builds both).
const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'historian-worker.js');

const HOUR = 3_600_000;
const WINDOW_MS = 8 * HOUR;
const PIXELS = 1600;
/** Realistic rates for 32 trended tags: most process values at 1 Hz, some at 10 Hz, two fast signals. */
const RATES_HZ = [...Array<number>(24).fill(1), ...Array<number>(6).fill(10), 50, 50];
const RATES_NOTE = '24 tags at 1 Hz, 6 at 10 Hz, 2 at 50 Hz';

export async function runHistorianBench(record: Record): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'tidewatch-historian-bench-'));
  try {
    await insertBench(path.join(root, 'insert'), record);
    runWalBench(record);
    const t0 = Date.UTC(2026, 0, 5, 6, 0, 0);
    const eightHours = await buildEightHours(path.join(root, 'trend'), t0);
    await queryBench(path.join(root, 'trend'), t0, eightHours, record);
    baselineBench(path.join(root, 'baseline.db'), path.join(root, 'trend', 'history.db'), t0, eightHours, record);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** 1,000 tags x 100 Hz offered one simulated second at a time, at most two batches in flight, as fast as the writer commits them. */
async function insertBench(dir: string, record: Record): Promise<void> {
  const TAGS = 1000;
  const PER_TAG = 100;
  const SECONDS = 15;
  const historian = new Historian({ dir, workerEntry, flushIntervalMs: 3_600_000 });
  await historian.ready;
  const keys = historian.registerTags(Array.from({ length: TAGS }, (_, i) => `bench/T${i}`));
  const t0 = Date.UTC(2026, 0, 1);
  const second = (s: number) => {
    for (let k = 0; k < PER_TAG; k++) {
      const t = t0 + s * 1000 + k * 10;
      for (let tag = 0; tag < TAGS; tag++) historian.append(keys[tag]!, t, 50 + 10 * Math.sin(t / 7000 + tag) + (k % 7) * 0.01, 0);
    }
    return historian.flush();
  };
  await second(0);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let s = 1; s <= SECONDS; s++) {
    inFlight.push(second(s));
    if (inFlight.length >= 2) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const { written, dropped } = historian.stats();
  await historian.dispose();
  record('historian.insert_values_per_s', (SECONDS * TAGS * PER_TAG) / elapsed, `${TAGS} tags x ${PER_TAG} Hz through the Historian (worker, WAL, synchronous=FULL, rollups), 1 s batches; ${written} written, ${dropped} dropped; target >= 200000`);
}

interface EightHours {
  readonly tagIds: readonly string[];
  readonly samples: number;
}

async function buildEightHours(dir: string, t0: number): Promise<EightHours> {
  const historian = new Historian({ dir, workerEntry, flushIntervalMs: 3_600_000 });
  await historian.ready;
  const tagIds = RATES_HZ.map((hz, i) => `plant/T${i}_${hz}Hz`);
  const keys = historian.registerTags(tagIds);
  let samples = 0;
  // A simulated minute per batch (the app flushes every second; fewer commits keep the bench short).
  for (let chunk = 0; chunk < WINDOW_MS; chunk += 60_000) {
    RATES_HZ.forEach((hz, i) => {
      const period = 1000 / hz;
      for (let k = Math.ceil(chunk / period); k * period < chunk + 60_000; k++) {
        const t = t0 + Math.round(k * period);
        historian.append(keys[i]!, t, benchValue(i, t), 0);
        samples++;
      }
    });
    if ((chunk / 60_000) % 2 === 1) await historian.flush();
    else void historian.flush();
  }
  await historian.dispose();
  return { tagIds, samples };
}

function benchValue(tag: number, t: number): number {
  return 50 + 20 * Math.sin(t / 600_000 + tag) + 2 * Math.sin(t / 900 + tag * 3) + ((t * 2654435761) % 1000) / 1000;
}

async function queryBench(dir: string, t0: number, data: EightHours, record: Record): Promise<void> {
  const historian = new Historian({ dir, workerEntry });
  await historian.ready;
  const service = new HistoryService(historian, () => true);
  const request = { tagIds: data.tagIds, from: t0, to: t0 + WINDOW_MS, buckets: PIXELS };
  let points = 0;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const series = await service.readHistory(request);
    const used = process.cpuUsage(cpuBefore);
    if (run > 0) {
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    points = series.reduce((n, s) => n + s.time.length, 0);
  }
  await historian.dispose();
  const file = path.join(dir, 'history.db');
  const db = new Database(file, { readonly: true });
  const started = performance.now();
  db.pragma('quick_check');
  const checkMs = performance.now() - started;
  const split = db.prepare("SELECT CASE WHEN name LIKE 'rollup%' THEN 'rollups' ELSE name END AS part, sum(pgsize) AS bytes FROM dbstat GROUP BY part").all() as { part: string; bytes: number }[];
  db.close();
  const bytes = statSync(file).size;
  const rollupBytes = split.find((s) => s.part === 'rollups')?.bytes ?? 0;
  record('historian.query_ms_8h_32tags_1600px', percentile(times, 50), `readHistory of 32 tags x 8 h into 1600 buckets (${RATES_NOTE}: ${data.samples} samples), median of 5 after a warm-up, ${points} points returned; target < 100`);
  record('historian.query_cpu_ms_8h_32tags_1600px', percentile(cpu, 50), 'CPU time of that query over all threads (main + 2 readers): steadier than wall time on a busy machine');
  record('historian.db_bytes_per_value', bytes / data.samples, `${(bytes / 1e6).toFixed(1)} MB file for ${data.samples} samples; rollups are ${((100 * rollupBytes) / bytes).toFixed(0)}% of it`);
  record('historian.quick_check_ms_8h_db', checkMs, 'the integrity check every start runs, on that file');
}

/**
 * The same samples in a rowid table with an index on (tag, time), queried the
 * only way it can be: every raw sample of the window. Copied from the
 * historian's file in time order, tags interleaved, as a live plant fills it.
 */
function baselineBench(file: string, historianFile: string, t0: number, data: EightHours, record: Record): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE samples (tag_id INTEGER NOT NULL, time INTEGER NOT NULL, value REAL, status INTEGER NOT NULL); CREATE INDEX samples_tag_time ON samples (tag_id, time);');
  const source = new Database(historianFile, { readonly: true });
  const blocks = new SampleBlockReader(source);
  const tagIds = source.prepare('SELECT id FROM tags ORDER BY id').pluck().all() as number[];
  db.exec('CREATE TEMP TABLE staged (tag_id INTEGER, time INTEGER, value REAL, status INTEGER)');
  const stage = db.prepare('INSERT INTO staged VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const tagId of tagIds) {
      const { time, value, status } = blocks.range(tagId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      for (let i = 0; i < time.length; i++) stage.run(tagId, time[i], value[i], status[i]);
    }
  })();
  source.close();
  db.exec('INSERT INTO samples SELECT tag_id, time, value, status FROM staged ORDER BY time, tag_id; DROP TABLE staged');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const select = db.prepare('SELECT time, value, status FROM samples WHERE tag_id = ? AND time >= ? AND time < ? ORDER BY time').raw(true);
  const width = WINDOW_MS / PIXELS;
  const times: number[] = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    for (const tagId of tagIds) {
      const buckets = new Aggregates(PIXELS);
      buckets.reset(PIXELS);
      for (const [t, v, s] of select.all(tagId, t0, t0 + WINDOW_MS) as [number, number, number][]) buckets.addSample(bucketIndex(t, t0, width, PIXELS), t, v, s);
      const nonEmpty = Array.from({ length: PIXELS }, (_, i) => i).filter((i) => buckets.count[i]! > 0);
      const points = bucketPoints(buckets.pick(nonEmpty));
      plainNumbers(points.time);
      plainNumbers(points.value);
      plainNumbers(points.status);
    }
    times.push(performance.now() - started);
  }
  db.close();
  const bytes = statSync(file).size;
  record('historian.baseline_rowid_bytes_per_value', bytes / data.samples, 'baseline: the same samples in a rowid table + (tag, time) index, no rollups');
  record('historian.baseline_rowid_query_ms_8h_32tags_1600px', Math.min(...times), 'baseline: the same buckets from every raw sample of the window (in process, no worker hop), the faster of 2 runs');
}
