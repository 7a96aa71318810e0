import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Historian } from '../../main/historian/historian.js';
import { writtenThrough } from '../../main/historian/rollup-plan.js';
import { SampleBlockReader } from '../../main/historian/sample-blocks.js';
import type { RawSeries } from '../../main/historian/worker-protocol.js';
import { waitFor } from '../support/wait-for.js';
import { bundleProgram, historianWorkerEntry, tempDir } from './historian-support.js';

// SIGKILL during heavy writes, three times over the same database: after each
// kill the file passes integrity_check, holds an unbroken prefix of the
// known sequence at least as long as the last flush the child saw complete,
// and every rollup still agrees with the samples it summarises.

const TAGS = 20;
const T0 = Date.UTC(2026, 0, 1);

// The child appends sample n (value n) to tag n % TAGS at time T0 + floor(n / TAGS),
// as fast as the historian takes it, and reports each flush that completed.
const CHILD = `
import { Historian } from './main/historian/historian.js';
const [dir, workerEntry, startArg] = process.argv.slice(2);
const historian = new Historian({ dir, workerEntry, flushIntervalMs: 100 });
const keys = historian.registerTags(Array.from({ length: ${TAGS} }, (_, i) => 'crash/T' + i));
let n = Number(startArg);
await historian.ready;
setInterval(() => {
  const upTo = n;
  historian.flush().then(() => process.send({ committed: upTo }));
}, 50);
const burst = () => {
  // About 200,000 samples a second, unless the writer falls behind (then the buffer holds them).
  if (historian.stats().buffered < 400_000) for (let k = 0; k < 4000; k++, n++) historian.append(keys[n % ${TAGS}], ${T0} + Math.floor(n / ${TAGS}), n, 0);
  setTimeout(burst, 20);
};
burst();
`;

function stored(file: string): { check: string; count: number; max: number; min: number; rollupMismatches: string[] } {
  const db = new Database(file);
  try {
    const check = db.pragma('integrity_check', { simple: true }) as string;
    const samples = new SampleBlockReader(db);
    const everything = (tagId: number) => Array.from(samples.range(tagId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).value);
    const values = (db.prepare('SELECT id FROM tags').pluck().all() as number[]).flatMap((id) => everything(id));
    const rollupMismatches: string[] = [];
    for (const { tag_id, level, since } of db.prepare('SELECT tag_id, level, since FROM rollup_levels').all() as { tag_id: number; level: number; since: number }[]) {
      // Cells waiting for their close are not stored yet: up to there, they must sum exactly the samples.
      const through = writtenThrough(level, samples.newest(tag_id));
      const cells = db.prepare('SELECT coalesce(sum(count), 0) AS n, coalesce(sum(sum), 0) AS total FROM rollups WHERE level = ? AND tag_id = ? AND cell * level < ?').get(level, tag_id, through) as { n: number; total: number };
      const after = Array.from(samples.range(tag_id, since, through).value);
      const raw = { n: after.length, total: after.reduce((sum, v) => sum + v, 0) };
      if (cells.n !== raw.n || cells.total !== raw.total) rollupMismatches.push(`tag ${tag_id} level ${level}: cells ${JSON.stringify(cells)} vs samples ${JSON.stringify(raw)}`);
    }
    return { check, count: values.length, max: values.reduce((a, b) => Math.max(a, b), -1), min: values.reduce((a, b) => Math.min(a, b), Infinity), rollupMismatches };
  } finally {
    db.close();
  }
}

describe('historian survives SIGKILL', () => {
  const folder = tempDir('historian-survival');
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    folder.remove();
  });

  it('keeps everything flushed before the kill, never corrupts, and carries on', async () => {
    const program = await bundleProgram('historian-crash-child', CHILD);
    const workerEntry = await historianWorkerEntry();
    const file = path.join(folder.dir, 'history.db');
    let start = 0;
    // The delay after the threshold lands the kill anywhere in the flush cycle.
    for (const [killAfter, delayMs] of [[150_000, 37], [400_000, 113], [250_000, 71]] as const) {
      const child = fork(program, [folder.dir, workerEntry, String(start)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      let committed = start;
      child.on('message', (message: { committed: number }) => (committed = Math.max(committed, message.committed)));
      await waitFor(`the child to commit ${killAfter} samples`, () => committed - start >= killAfter, 60_000);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const flushedBeforeKill = committed;
      const after = stored(file);
      expect(after.check).toBe('ok');
      // An unbroken prefix 0..count-1 of the sequence: nothing missing in the middle, nothing invented.
      expect(after.min).toBe(0);
      expect(after.max).toBe(after.count - 1);
      expect(after.count).toBeGreaterThanOrEqual(flushedBeforeKill);
      expect(after.rollupMismatches).toEqual([]);
      console.log(`SIGKILL ${delayMs} ms after ${killAfter} samples: ${flushedBeforeKill} confirmed flushed, ${after.count} survived`);
      start = after.count;
    }
    // The next start opens the same file and carries on.
    const historian = new Historian({ dir: folder.dir, workerEntry });
    expect((await historian.ready).ok).toBe(true);
    const [key] = historian.registerTags(['crash/T0']);
    historian.append(key!, T0 + 10_000_000, 42, 0);
    await historian.flush();
    const [series] = (await historian.readSeries({ tagIds: ['crash/T0'], from: T0 + 10_000_000, to: T0 + 10_000_001, buckets: 0, rawLimit: 1, exact: false })) as RawSeries[];
    expect(Array.from(series!.value)).toEqual([42]);
    await historian.dispose();
  });
});
