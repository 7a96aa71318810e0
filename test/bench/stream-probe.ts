// One benchmark client, in its own process so its CPU is its own:
//   --mode bare      a plain node-opcua client script: the baseline
//   --mode pipeline  Tidewatch as the app runs it: `serve` (dist/main/serve.js, historian attached)
//                    in a child process, its WebSocket read as the renderer reads it, every frame
//                    into the renderer's own LiveStore with every tag trended, each acknowledged.
//                    The CPU figure is serve's own, from /proc/PID/stat.
// Both subscribe to the same items with the same parameters and count with ValueTally.
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
import { queueSizeFor } from '../../main/opcua/queue-size-for.js';
import { LatencySamples } from './latency-samples.js';
import { ValueTally } from './value-tally.js';
import { processCpuUs } from './process-cpu-us.js';
import WebSocket from 'ws';
import { builtFile } from '../support/built-files.js';
import { TEST_ADMIN } from '../support/test-security.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const mode = args.get('--mode');
const endpointUrl = args.get('--endpoint') ?? '';
const tagCount = Number(args.get('--tags'));
const changePeriodMs = 1000 / Number(args.get('--rate'));
const warmupS = Number(args.get('--warmup'));
const seconds = Number(args.get('--seconds'));
const PUBLISHING_INTERVAL = 100;
const BATCH = 1000;
// Every change, as an exception-based tag is read, with a queue for every change the server makes
// between two publishes (its rate is known here, as a control engineer knows a fast signal's).
const SAMPLING_INTERVAL = 0;
const QUEUE_SIZE = queueSizeFor(changePeriodMs, PUBLISHING_INTERVAL);
const pki = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-client-'));
const nodeId = (i: number) => `ns=1;s=Bench.V${i}`;
const tally = new ValueTally(tagCount);
/** Frames main marked as having dropped samples for a slow client. */
let droppedFrames = 0;
/** Source time -> the moment main sent the frame (its header's sentAt): the part of the latency spent in main. */
const atSend = new LatencySamples();
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
      { samplingInterval: SAMPLING_INTERVAL, queueSize: QUEUE_SIZE, discardOldest: true },
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

let servePid = 0;

async function runPipeline(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-serve-'));
  const project = path.join(dir, 'bench.tidewatch');
  writeFileSync(project, JSON.stringify({
    version: 1,
    name: 'Stream bench',
    servers: [{ id: 'bench', name: 'Bench', endpointUrl, publishingInterval: PUBLISHING_INTERVAL, autoAcceptServerCertificate: true }],
    tags: Array.from({ length: tagCount }, (_, i) => ({ name: `V${i}`, server: 'bench', nodeId: nodeId(i), samplingInterval: SAMPLING_INTERVAL, queueSize: QUEUE_SIZE })),
  }));
  const serve = fork(builtFile('serve.js'), ['--port', '0', '--user-data', dir, '--project', project], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  servePid = serve.pid ?? 0;
  const url = await new Promise<URL>((resolve, reject) => {
    let stdout = '';
    serve.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    serve.once('exit', (code) => reject(new Error(`serve exited with code ${code}`)));
  });
  const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { maxPayload: 64 * 1024 * 1024 });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const call = (method: string, params?: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ t: 'call', id, method, params }));
    });
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      const message = JSON.parse(data.toString()) as { t: string; id?: number; result?: unknown };
      if (message.id !== undefined && message.t !== 'event') pending.get(message.id)?.(message.result);
      return;
    }
    const now = Date.now();
    const bytes = data as Buffer;
    const frame = decodeFrame(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    liveStore.append(frame, frame.flags);
    if ((frame.flags & FRAME_FLAG_SAMPLES_DROPPED) !== 0 && tally.measuring) droppedFrames++;
    const measuring = tally.measuring;
    for (let i = 0; i < frame.count; i++) {
      tally.add(frame.tag[i]!, frame.value[i]!, frame.status[i]!, now - frame.time[i]!);
      if (measuring) atSend.add(frame.sentAt - frame.time[i]!);
    }
    ws.send(JSON.stringify({ t: 'ack', seq: frame.seq }));
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await call('setupAdministrator', TEST_ADMIN); // past the first-run step, as a configured station is
  // Every tag on a trend, as the renderer tells main, so none is thinned for the table.
  await call('setTrendedTags', { tagIndexes: Array.from({ length: tagCount }, (_, i) => i) });
  for (;;) {
    const snapshot = (await call('snapshot')) as { connections: { state: string }[] };
    if (snapshot.connections[0]?.state === 'connected') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return async () => {
    ws.close();
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  };
}

const stop = mode === 'bare' ? await runBare() : await runPipeline();
await new Promise((resolve) => setTimeout(resolve, warmupS * 1000));
// The pipeline's CPU is serve's, the process that runs Tidewatch's main; the bare client's its own.
const cpuNowUs = () => {
  if (mode === 'bare') {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  }
  return processCpuUs(servePid);
};
const cpuStart = cpuNowUs();
const wallStart = performance.now();
const storedStart = stored();
tally.start();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
tally.stop();
// The bare client has no rings: what it received is what it kept.
const kept = mode === 'bare' ? tally.received : stored() - storedStart;
const cpuUs = cpuNowUs() - cpuStart;
const wallS = (performance.now() - wallStart) / 1000;
process.send?.({
  type: 'result',
  valuesPerS: kept / wallS,
  offeredPerS: tally.offered / wallS,
  received: tally.received,
  kept,
  droppedFrames,
  // Sequence gaps, plus any value that arrived but did not reach a ring (a gap marker would count the other way).
  lost: tally.lost + Math.abs(tally.received - kept),
  overflows: tally.overflows,
  cpuUsPerValue: cpuUs / Math.max(1, kept),
  cpuCores: cpuUs / 1e6 / wallS,
  latencyP50Ms: tally.latencyPercentile(50),
  latencyP99Ms: tally.latencyPercentile(99),
  // The bare client has no frames: its latency is all at receipt.
  latencyAtSendP99Ms: mode === 'bare' ? tally.latencyPercentile(99) : atSend.percentile(99),
});
await stop();
process.exit(0);
