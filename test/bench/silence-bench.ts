// The outage-detection benchmark: a quiet plant (nothing changes, only keep-alives flow) behind a
// TCP relay that goes silent without closing, the hardest outage to notice. It times, round after
// round, how long every tag takes to turn Bad, beside the keep-alive period the connection states.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StatusCode } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTcpRelay } from '../support/tcp-relay.js';
import { startTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';
import type { Record } from './bench-types.js';
import { percentile } from './percentile.js';

const ROUNDS = 8;
const TAGS = 100;
const LIMIT_MS = 60_000;

export async function runSilenceBench(record: Record): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-silence-bench-'));
  const server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: TAGS, updateMs: 3_600_000 });
  const relay = await startTcpRelay(server.port);
  const harness = await OpcuaHarness.open('tidewatch-silence-bench-app-');
  try {
    const { listener, tags } = harness.connect({ id: 'quiet', name: 'Quiet', endpointUrl: `opc.tcp://127.0.0.1:${relay.port}`, publishingInterval: 100 }, counterTags(TAGS));
    const allGood = () => tags.every((t) => listener.latest.get(t.index)?.status === StatusCode.Good);
    const detections: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await waitFor('every tag Good', allGood, LIMIT_MS);
      // Let the rhythm settle, and vary where in the keep-alive cycle the link dies.
      await new Promise((resolve) => setTimeout(resolve, 1_500 + round * 130));
      const cut = performance.now();
      relay.blackhole();
      await waitFor('every tag Bad', () => tags.every((t) => listener.latest.get(t.index)?.status !== StatusCode.Good), LIMIT_MS, 2);
      detections.push(performance.now() - cut);
      relay.restore();
    }
    const keepAliveMs = listener.state?.keepAliveMs ?? Number.NaN;
    const worst = Math.max(...detections);
    record('opcua.keep_alive_period_ms', keepAliveMs, 'the connection’s stated keep-alive period (status bar): tags must be Bad within it');
    record('opcua.silence_to_bad_median_ms', percentile(detections, 50), `a link gone silent (relay black hole, quiet plant, ${TAGS} tags) to every tag Bad, median of ${ROUNDS}`);
    record('opcua.silence_to_bad_worst_ms', worst, 'the same, worst round');
    record('opcua.silence_to_bad_ratio_vs_keep_alive', worst / keepAliveMs, 'target ≤ 1');
  } finally {
    await harness.dispose();
    await relay.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
