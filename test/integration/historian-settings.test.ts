import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Historian } from '../../main/historian/historian.js';
import { bytesInUse } from '../../main/historian/retention.js';
import type { RawSeries } from '../../main/historian/worker-protocol.js';
import { waitFor } from '../support/wait-for.js';
import { historianWorkerEntry, tempDir } from './historian-support.js';

// A project's changed historian section reaches the running historian: no restart, no waiting for the next round.

const HOUR = 3_600_000;
const NEVER = 100_000;

describe('historian settings changed while it runs', () => {
  const folder = tempDir('historian-settings');
  afterAll(() => folder.remove());

  it('enforces a lowered size limit at once, deleting the oldest hours until the file fits', async () => {
    const dir = path.join(folder.dir, 'size');
    const workerEntry = await historianWorkerEntry();
    // Eight hours of a 20 Hz tag, with no limit at all.
    const historian = new Historian({ dir, workerEntry, flushIntervalMs: NEVER, retentionIntervalMs: 3_600_000 });
    const [key] = historian.registerTags(['plant/Vibration']);
    const end = Math.floor(Date.now() / HOUR) * HOUR;
    const start = end - 8 * HOUR;
    for (let t = start; t < end; t += 50) historian.append(key!, t, Math.sin(t / 10_000), 0);
    await historian.flush();
    const oldest = async () => ((await historian.readSeries({ tagIds: ['plant/Vibration'], from: 0, to: end, buckets: 0, rawLimit: 1, exact: false })) as RawSeries[])[0]!.time[0];
    expect(await oldest()).toBe(start);
    const reader = new Database(historian.file, { readonly: true });
    try {
      const full = bytesInUse(reader);
      const maxBytes = Math.floor(full / 3);
      await historian.configure({ flushIntervalMs: NEVER, retention: { maxBytes } });
      // Nobody asks for retention: the change itself starts it.
      // Retention deletes an hour in several transactions: wait for the run to finish its hour, not for the first commit under the limit.
      await expect.poll(async () => bytesInUse(reader) <= maxBytes && (await oldest())! % HOUR === 0, { timeout: 60_000 }).toBe(true);
      const left = await oldest();
      expect(left).toBeGreaterThan(start);
      expect(left! % HOUR).toBe(0);
      expect(left).toBeLessThan(end);
    } finally {
      reader.close();
      await historian.dispose();
    }
  });

  it('commits on the new flush interval', async () => {
    const historian = new Historian({ dir: path.join(folder.dir, 'flush'), workerEntry: await historianWorkerEntry(), flushIntervalMs: NEVER });
    try {
      const [key] = historian.registerTags(['plant/Level']);
      historian.append(key!, Date.now(), 1.5, 0);
      await historian.ready;
      expect(historian.stats()).toMatchObject({ buffered: 1, written: 0 });
      await historian.configure({ flushIntervalMs: 200, retention: {} });
      await waitFor('the sample to be committed', () => historian.stats().written === 1);
    } finally {
      await historian.dispose();
    }
  });
});
