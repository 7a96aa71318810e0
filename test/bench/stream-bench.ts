// The stream benchmark: a bench OPC UA server pushing sequence numbers, read
// by a bare node-opcua client (the baseline) and by Tidewatch end to end: `serve`
// with its historian, its WebSocket read into the renderer's LiveStore rings. Each
// in its own process so its CPU is its own (serve's is the pipeline's figure).
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, Record } from './bench-types.js';
import { processCpuUs } from './process-cpu-us.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function child<T>(file: string, args: string[], until: string): Promise<{ message: T; proc: ReturnType<typeof fork> }> {
  return new Promise((resolve, reject) => {
    const proc = fork(path.join(here, file), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    proc.on('message', (message: { type?: string }) => {
      if (message.type === until) resolve({ message: message as T, proc });
    });
    proc.once('exit', (code) => reject(new Error(`${file} exited with code ${code}`)));
  });
}

interface ProbeResult {
  valuesPerS: number;
  /** Sequence steps the server made in the measured window, per second. */
  offeredPerS: number;
  received: number;
  /** Values that reached the renderer's rings (the bare client: all it received). */
  kept: number;
  droppedFrames: number;
  lost: number;
  overflows: number;
  cpuUsPerValue: number;
  cpuCores: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The pipeline: source time -> main sending the frame. */
  latencyAtSendP99Ms: number;
}

type RoundResult = ProbeResult & { serverCores: number };

/** Rounds of one client as one figure: the slowest rate, every loss, CPU per value over all values, the worst p99. */
function combined(rounds: readonly RoundResult[]): RoundResult {
  const sum = (pick: (r: RoundResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const mean = (pick: (r: RoundResult) => number) => sum(pick) / rounds.length;
  return {
    valuesPerS: Math.min(...rounds.map((r) => r.valuesPerS)),
    offeredPerS: Math.min(...rounds.map((r) => r.offeredPerS)),
    received: sum((r) => r.received),
    kept: sum((r) => r.kept),
    droppedFrames: sum((r) => r.droppedFrames),
    lost: sum((r) => r.lost),
    overflows: sum((r) => r.overflows),
    cpuUsPerValue: sum((r) => r.cpuUsPerValue * r.kept) / Math.max(1, sum((r) => r.kept)),
    cpuCores: mean((r) => r.cpuCores),
    latencyP50Ms: mean((r) => r.latencyP50Ms),
    latencyP99Ms: Math.max(...rounds.map((r) => r.latencyP99Ms)),
    latencyAtSendP99Ms: Math.max(...rounds.map((r) => r.latencyAtSendP99Ms)),
    serverCores: mean((r) => r.serverCores),
  };
}

/**
 * The bare client and the pipeline take turns, `rounds` times each, so a burst
 * of load from a neighbour on this shared machine falls on both rather than on
 * one of them; each round's CPU ratio is printed beside the whole run's.
 */
export async function runStreamBench(record: Record, { tags: TAGS, rateHz: RATE_HZ, seconds: SECONDS, warmupS: WARMUP_S, rounds: ROUNDS }: BenchOptions): Promise<void> {
  const { message, proc: server } = await child<{ endpointUrl: string }>('bench-server.js', ['--tags', String(TAGS), '--rate', String(RATE_HZ)], 'ready');
  const probe = async (mode: string): Promise<RoundResult> => {
    const args = ['--mode', mode, '--endpoint', message.endpointUrl, '--tags', String(TAGS), '--rate', String(RATE_HZ), '--warmup', String(WARMUP_S), '--seconds', String(SECONDS)];
    const cpuStart = processCpuUs(server.pid!);
    const wallStart = performance.now();
    const { message: result, proc } = await child<ProbeResult>('stream-probe.js', args, 'result');
    const serverCores = (processCpuUs(server.pid!) - cpuStart) / 1e3 / (performance.now() - wallStart);
    await new Promise((resolve) => proc.once('exit', resolve));
    return { ...result, serverCores };
  };
  try {
    const bareRounds: RoundResult[] = [];
    const pipelineRounds: RoundResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await probe('bare'));
      pipelineRounds.push(await probe('pipeline'));
    }
    const bare = combined(bareRounds);
    const pipeline = combined(pipelineRounds);
    const roundRatios = pipelineRounds.map((r, i) => (r.cpuUsPerValue / bareRounds[i]!.cpuUsPerValue).toFixed(2)).join(', ');
    const offered = TAGS * RATE_HZ;
    record('bench_server.offered_per_s', pipeline.offeredPerS, `steps the server made while the pipeline was measured; nominal ${TAGS} tags x ${RATE_HZ} Hz = ${offered}/s (bare run: ${bare.offeredPerS.toFixed(0)})`);
    record('bench_server.cores', pipeline.serverCores, `the server process's CPU over the pipeline's run (bare run: ${bare.serverCores.toFixed(2)}); 2 cores here for server, client and probe`);
    record('bare.values_per_s', bare.valuesPerS, 'baseline: a bare node-opcua client on the same server');
    record('bare.cpu_us_per_value', bare.cpuUsPerValue, `baseline, ${bare.cpuCores.toFixed(2)} cores`);
    record('bare.lost', bare.lost, 'baseline: sequence gaps at the bare client');
    record('bare.queue_overflows', bare.overflows, 'baseline: samples the server flagged as overflowed');
    record('stream.values_per_s', pipeline.valuesPerS, 'the slowest round: OPC UA -> serve (historian on) -> WebSocket -> the renderer LiveStore rings (every tag trended), counted in the rings');
    record('stream.values_ratio_vs_bare', pipeline.valuesPerS / bare.valuesPerS, 'values per second into the rings / the bare client\'s');
    record('stream.lost', pipeline.lost, `sequence gaps after the pipeline plus values received but not in a ring (${pipeline.received} received, ${pipeline.kept} in rings); compare with bare.lost`);
    record('stream.dropped_frames', pipeline.droppedFrames, 'frames main flagged as having dropped samples for a slow client');
    record('stream.queue_overflows', pipeline.overflows, 'server queue overflows: samples dropped because the client fell behind');
    record('stream.cpu_us_per_value', pipeline.cpuUsPerValue, `serve (main process) CPU per value in a ring, ${pipeline.cpuCores.toFixed(2)} cores`);
    record('stream.cpu_ratio_vs_bare_client', pipeline.cpuUsPerValue / bare.cpuUsPerValue, `over ${ROUNDS} alternating rounds of ${SECONDS} s (each round: ${roundRatios}); target <= 2`);
    record('stream.latency_p50_ms', pipeline.latencyP50Ms - 100, 'source time -> frame, minus the 100 ms publishing interval');
    record('stream.latency_p99_ms', pipeline.latencyP99Ms - 100, `the worst round; bare client p99 ${(bare.latencyP99Ms - 100).toFixed(1)} ms; target <= 34`);
    record('stream.latency_at_send_p99_ms', pipeline.latencyAtSendP99Ms - 100, 'the worst round: source time -> main sending the frame, minus the publishing interval; the rest of latency_p99 is the WebSocket and the renderer\'s queue');
    record('bare.latency_p99_ms', bare.latencyP99Ms - 100, 'baseline: source time -> the bare client, minus the publishing interval');
    if (pipeline.lost > 0 || pipeline.droppedFrames > 0) {
      console.error(`\n*** STREAM BENCH FAILED: ${pipeline.lost} values lost, ${pipeline.droppedFrames} frames with dropped samples (bare client lost ${bare.lost}) ***\n`);
      process.exitCode = 1;
    }
  } finally {
    server.kill('SIGTERM');
  }
}
