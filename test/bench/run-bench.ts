// The benchmark suite. Every figure is measured beside a baseline in the same
// run (a bare node-opcua client on the same server, a blank page in the same
// Chromium), so the ratios mean something on a noisy shared machine.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../support/chromium.js';
import { startServe } from '../support/serve-process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const jsonIndex = argv.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? argv[jsonIndex + 1] : undefined;
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
const TAGS = option('--tags', 1000);
const RATE_HZ = option('--rate', 100);
const SECONDS = option('--seconds', 10);
const WARMUP_S = option('--warmup', 3);

type Metrics = Record<string, number>;
const metrics: Metrics = {};
const rows: [string, string, string][] = [];
const record = (name: string, value: number, note = '') => {
  metrics[name] = Number(value.toFixed(3));
  rows.push([name, value.toFixed(value >= 100 ? 0 : 3), note]);
};

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
  received: number;
  lost: number;
  overflows: number;
  cpuUsPerValue: number;
  cpuCores: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

async function streamBench(): Promise<void> {
  const { message, proc: server } = await child<{ endpointUrl: string }>('bench-server.js', ['--tags', String(TAGS), '--rate', String(RATE_HZ)], 'ready');
  const probe = async (mode: string) => {
    const args = ['--mode', mode, '--endpoint', message.endpointUrl, '--tags', String(TAGS), '--sampling', String(1000 / RATE_HZ), '--warmup', String(WARMUP_S), '--seconds', String(SECONDS)];
    const { message: result, proc } = await child<ProbeResult>('stream-probe.js', args, 'result');
    await new Promise((resolve) => proc.once('exit', resolve));
    return result;
  };
  try {
    const bare = await probe('bare');
    const pipeline = await probe('pipeline');
    const offered = TAGS * RATE_HZ;
    record('bare.values_per_s', bare.valuesPerS, `baseline: bare node-opcua client, ${TAGS} tags x ${RATE_HZ} Hz offered = ${offered}/s`);
    record('bare.cpu_us_per_value', bare.cpuUsPerValue, `baseline, ${bare.cpuCores.toFixed(2)} cores`);
    record('bare.lost', bare.lost, 'baseline: sequence gaps at the bare client (the server coalesces when its timer bunches)');
    record('bare.queue_overflows', bare.overflows, 'baseline: samples the server flagged as overflowed');
    record('stream.values_per_s', pipeline.valuesPerS, 'OPC UA -> core -> frames -> decoded and acknowledged');
    record('stream.lost', pipeline.lost, 'sequence gaps after the pipeline; compare with bare.lost');
    record('stream.queue_overflows', pipeline.overflows, 'server queue overflows: samples dropped because the client fell behind');
    record('stream.cpu_us_per_value', pipeline.cpuUsPerValue, `${pipeline.cpuCores.toFixed(2)} cores`);
    record('stream.cpu_ratio_vs_bare_client', pipeline.cpuUsPerValue / bare.cpuUsPerValue, 'target <= 2');
    record('stream.latency_p50_ms', pipeline.latencyP50Ms - 100, 'source time -> frame, minus the 100 ms publishing interval');
    record('stream.latency_p99_ms', pipeline.latencyP99Ms - 100, `bare client p99 ${(bare.latencyP99Ms - 100).toFixed(1)} ms; target <= 34`);
  } finally {
    server.kill('SIGTERM');
  }
}

async function uiBench(): Promise<void> {
  const serve = await startServe();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const fps = () =>
      page.evaluate(
        (ms) =>
          new Promise<number>((resolve) => {
            let frames = 0;
            const start = performance.now();
            const step = (now: number) => {
              frames++;
              if (now - start < ms) requestAnimationFrame(step);
              else resolve((frames * 1000) / (now - start));
            };
            requestAnimationFrame(step);
          }),
        5000,
      );
    await page.setContent('<!doctype html><title>blank</title>');
    const blank = await fps();
    await page.goto(serve.url);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 60_000 });
    for (const name of ['Pump1.Vibration', 'Tank1.Level', 'Tank2.Level', 'TIC101.PV']) {
      await page.locator(`[data-testid="tag-row"][data-tag-id="demo/${name}"] [data-testid="pen-toggle"]`).click();
    }
    await page.waitForTimeout(2000);
    const live = await fps();
    record('browser.fps_blank', blank, 'baseline: an empty page in the same Chromium');
    record('ui.fps_demo_live', live, 'live table + 4-pen trend of the demo plant');
    record('ui.fps_ratio_vs_blank', live / blank, '1.0 = the app costs no frames');
  } finally {
    await browser.close();
    await serve.stop();
  }
}

if (only !== 'ui') await streamBench();
if (only !== 'stream') await uiBench();

const width = Math.max(...rows.map((r) => r[0].length));
console.log('\nTidewatch benchmarks');
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${note}`);
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), config: { tags: TAGS, rateHz: RATE_HZ, seconds: SECONDS }, metrics }, null, 2)}\n`);
  console.log(`\nwrote ${jsonFile}`);
}
process.exit(0);
