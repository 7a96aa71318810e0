import { afterEach, expect, it } from 'vitest';
import { Historian } from '../../main/historian/historian.js';
import type { RawSeries } from '../../main/historian/worker-protocol.js';
import { historianWorkerEntry, tempDir } from './historian-support.js';

// The writer hands each batch's columns back and a later batch fills them
// again, so past its count a column still holds an older batch's samples.
// Those must never be stored a second time, nor under another tag.

const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('a small batch in columns a large one filled before stores exactly its own samples', async () => {
  const { dir, remove } = tempDir('historian-batches');
  const historian = new Historian({ dir, workerEntry: await historianWorkerEntry(), flushIntervalMs: 60_000 });
  cleanups.push(remove, () => historian.dispose());
  const [pump, valve] = historian.registerTags(['plant/Pump.Speed', 'plant/Valve.Open']);
  const t0 = Date.UTC(2026, 11, 8, 3, 0, 0);
  for (let i = 0; i < 3000; i++) historian.append(pump!, t0 + i * 10, i, 0);
  await historian.flush();
  for (let i = 3000; i < 3010; i++) historian.append(pump!, t0 + i * 10, i, 0);
  await historian.flush();
  // This batch goes out in the first batch's columns, handed back by the writer.
  for (let i = 0; i < 5; i++) historian.append(valve!, t0 + i * 1000, i % 2, 0);
  await historian.flush();
  for (let i = 3010; i < 3020; i++) historian.append(pump!, t0 + i * 10, i, 0);
  await historian.flush();

  expect(historian.stats()).toMatchObject({ appended: 3025, written: 3025, duplicates: 0, rejected: 0, dropped: 0 });
  const request = { from: t0, to: t0 + 60_000, buckets: 0, rawLimit: 10_000, exact: false };
  const [speed, open] = (await historian.readSeries({ ...request, tagIds: ['plant/Pump.Speed', 'plant/Valve.Open'] })) as RawSeries[];
  expect(Array.from(open!.value)).toEqual([0, 1, 0, 1, 0]);
  expect(speed!.time.length).toBe(3020);
  expect(Array.from(speed!.value.subarray(2995, 3020))).toEqual(Array.from({ length: 25 }, (_, k) => 2995 + k));
});
