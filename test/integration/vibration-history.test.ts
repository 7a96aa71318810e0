import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../shared/api/history-api.js';
import { callApi } from '../../main/api/call-api.js';
import type { ClientSession } from '../../main/api/client-session.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { waitFor } from '../support/wait-for.js';

// The app with its demo plant and historian, as `npm run serve` runs it: the stream delivers every
// 10 ms sample of the 100 Hz vibration, and the historian stored the same samples for the span.
describe('the 100 Hz vibration, streamed and stored', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-vibration-'));
  const tagId = 'demo/Pump1.Vibration';
  const collector = new FrameCollector();
  let app: App;
  let client: ClientSession;

  beforeAll(async () => {
    app = createApp({ userDataDir: path.join(dir, 'user-data'), simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), log: () => undefined });
    client = app.core.openClient(collector, 'test');
    collector.ack = (seq) => client.ack(seq);
    await app.start();
    await waitFor('the vibration tag', () => app.core.tagList().some((t) => t.id === tagId));
  });

  afterAll(async () => {
    await app?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams every 10 ms sample, and has in the historian every sample of a span that the stream delivered, no more and no fewer', async () => {
    const index = app.core.tagList().find((t) => t.id === tagId)!.index;
    await waitFor('the first vibration samples', () => collector.since(0, index).length > 0);
    const mark = collector.samples.length;
    await waitFor('three seconds of vibration samples', () => collector.since(mark, index).length >= 300);
    const samples = collector.since(mark, index);
    const streamed = samples.map((s) => s.time);
    const from = streamed[0]!;
    const last = streamed.at(-1)!;
    // Every sample of the plant's, none lost between its model steps, none repeated or reordered.
    expect(streamed.slice(1).flatMap((t, i) => (t - streamed[i]! === 10 ? [] : [`${new Date(streamed[i]!).toISOString()} +${t - streamed[i]!} ms`]))).toEqual([]);
    const read = async () => ((await callApi(client.api(), 'readHistory', { tagIds: [tagId], from, to: last + 1, buckets: 0 })) as HistorySeries[])[0]!;
    // The historian flushes about once a second: wait until the span's last sample is stored.
    let stored = await read();
    for (let tries = 0; !stored.time.includes(last); tries++) {
      if (tries > 100) throw new Error(`the historian did not store ${tagId} up to ${new Date(last).toISOString()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = await read();
    }
    expect(stored.truncated).toBe(false);
    expect(stored.time.length).toBe(streamed.length);
    expect(stored.time).toEqual(streamed);
    expect(stored.value).toEqual(samples.map((s) => s.value));
  });
});
