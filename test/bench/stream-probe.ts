// One benchmark client, in its own process so its CPU is its own:
//   --mode bare      a plain node-opcua client script: the baseline
//   --mode pipeline  Tidewatch's OPC UA connection + core + frame stream into the renderer's
//                    own LiveStore, every tag claimed as trended, each frame acknowledged
// Both subscribe to the same items with the same parameters and count with ValueTally.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AttributeIds,
  ClientMonitoredItemGroup,
  ClientSubscription,
  OPCUACertificateManager,
  OPCUAClient,
  TimestampsToReturn,
} from 'node-opcua';
import { decodeFrame, FRAME_FLAG_SAMPLES_DROPPED } from '../../shared/frame-codec.js';
import { LiveStore } from '../../renderer/src/live/live-store.js';
import { TidewatchCore } from '../../main/api/tidewatch-core.js';
import { opcuaSourceFactory } from '../../main/opcua/opcua-connection.js';
import { queueSizeFor } from '../../main/opcua/queue-size-for.js';
import { ValueTally } from './value-tally.js';
import { testSecurity } from '../support/test-security.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const mode = args.get('--mode');
const endpointUrl = args.get('--endpoint') ?? '';
const tagCount = Number(args.get('--tags'));
const samplingInterval = Number(args.get('--sampling'));
const warmupS = Number(args.get('--warmup'));
const seconds = Number(args.get('--seconds'));
const PUBLISHING_INTERVAL = 100;
const BATCH = 1000;
const pki = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-client-'));
const nodeId = (i: number) => `ns=1;s=Bench.V${i}`;
const tally = new ValueTally(tagCount);
/** Frames main marked as having dropped samples for a slow client. */
let droppedFrames = 0;
/** The renderer's rings, claimed for 10 s per tag as a trend of every tag would. */
const liveStore = new LiveStore({ request: (callback) => setTimeout(callback, 16) as unknown as number, cancel: (handle) => clearTimeout(handle) });
liveStore.retain(liveStore, new Map(Array.from({ length: tagCount }, (_, i) => [i, 10_000])));
const stored = () => {
  let total = 0;
  for (let i = 0; i < tagCount; i++) total += liveStore.samples(i)?.stored ?? 0;
  return total;
};

async function runBare(): Promise<() => Promise<void>> {
  const client = OPCUAClient.create({ endpointMustExist: false, clientCertificateManager: new OPCUACertificateManager({ rootFolder: pki }) });
  await client.connect(endpointUrl);
  const session = await client.createSession();
  const subscription = ClientSubscription.create(session, { requestedPublishingInterval: PUBLISHING_INTERVAL, requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 10, maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10 });
  for (let first = 0; first < tagCount; first += BATCH) {
    const count = Math.min(BATCH, tagCount - first);
    const group = ClientMonitoredItemGroup.create(
      subscription,
      Array.from({ length: count }, (_, i) => ({ nodeId: nodeId(first + i), attributeId: AttributeIds.Value })),
      { samplingInterval, queueSize: queueSizeFor(samplingInterval, PUBLISHING_INTERVAL), discardOldest: true },
      TimestampsToReturn.Both,
    );
    group.on('changed', (_item, dataValue, i) => {
      const now = Date.now();
      tally.add(first + i, dataValue.value.value as number, dataValue.statusCode.value, now - (dataValue.sourceTimestamp?.getTime() ?? now));
    });
    await new Promise((resolve) => group.once('initialized', resolve));
  }
  return async () => {
    await session.close();
    await client.disconnect();
  };
}

async function runPipeline(): Promise<() => Promise<void>> {
  const security = testSecurity(mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-user-')));
  const core = new TidewatchCore(() => undefined, security);
  const client = core.openClient({
    frame(buffer) {
      const now = Date.now();
      const frame = decodeFrame(buffer);
      liveStore.append(frame, frame.flags);
      if ((frame.flags & FRAME_FLAG_SAMPLES_DROPPED) !== 0 && tally.measuring) droppedFrames++;
      for (let i = 0; i < frame.count; i++) tally.add(frame.tag[i]!, frame.value[i]!, frame.status[i]!, now - frame.time[i]!);
      client.ack(frame.seq);
    },
    event() {},
  }, 'bench');
  core.addConnection(
    {
      id: 'bench',
      name: 'Bench',
      endpointUrl,
      publishingInterval: PUBLISHING_INTERVAL,
      tags: Array.from({ length: tagCount }, (_, i) => ({ name: `V${i}`, description: '', nodeId: nodeId(i), samplingInterval })),
    },
    opcuaSourceFactory(pki),
  );
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (core.snapshot().connections[0]?.state === 'connected') resolve(clearInterval(poll));
    }, 50);
  });
  return async () => {
    await core.dispose();
    security.dispose();
  };
}

const stop = mode === 'bare' ? await runBare() : await runPipeline();
await new Promise((resolve) => setTimeout(resolve, warmupS * 1000));
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
const storedStart = stored();
tally.measuring = true;
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
tally.measuring = false;
// The bare client has no rings: what it received is what it kept.
const kept = mode === 'bare' ? tally.received : stored() - storedStart;
const cpu = process.cpuUsage(cpuStart);
const wallS = (performance.now() - wallStart) / 1000;
process.send?.({
  type: 'result',
  valuesPerS: kept / wallS,
  received: tally.received,
  kept,
  droppedFrames,
  // Sequence gaps, plus any value that arrived but did not reach a ring (a gap marker would count the other way).
  lost: tally.lost + Math.abs(tally.received - kept),
  overflows: tally.overflows,
  cpuUsPerValue: (cpu.user + cpu.system) / Math.max(1, tally.received),
  cpuCores: (cpu.user + cpu.system) / 1e6 / wallS,
  latencyP50Ms: tally.percentile(50),
  latencyP99Ms: tally.percentile(99),
});
await stop();
process.exit(0);
