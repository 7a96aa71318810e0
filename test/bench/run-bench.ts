// The benchmark suite. Every figure is measured beside a baseline in the same
// run (a bare node-opcua client on the same server, a blank page in the same
// Chromium, a plain SQLite table), so the ratios mean something on a noisy
// shared machine. `--only NAME` runs one benchmark; `--json FILE` writes the figures.
import { writeFileSync } from 'node:fs';
import type { BenchOptions, Record } from './bench-types.js';
import { runStreamBench } from './stream-bench.js';
import { runUiBench } from './ui-bench.js';
import { runAlarmBench } from './alarm-bench.js';
import { runConnectBench } from './connect-bench.js';
import { runSilenceBench } from './silence-bench.js';
import { runHistorianBench } from './historian-bench.js';
import { runTrendBench } from './trend-bench.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const text = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const options: BenchOptions = { tags: option('--tags', 1000), rateHz: option('--rate', 100), seconds: option('--seconds', 10), warmupS: option('--warmup', 3), rounds: option('--rounds', 3) };
const only = text('--only');
const jsonFile = text('--json');

const metrics: { [name: string]: number } = {};
const rows: [string, string, string][] = [];
const record: Record = (name, value, note = '') => {
  metrics[name] = Number(value.toFixed(3));
  rows.push([name, value.toFixed(Math.abs(value) >= 100 ? 0 : 3), note]);
  console.log(`  ${name} = ${value.toFixed(3)}`);
};

const benches: [string, () => Promise<void>][] = [
  ['stream', () => runStreamBench(record, options)],
  ['ui', () => runUiBench(record)],
  ['connect', () => runConnectBench(record)],
  ['silence', () => runSilenceBench(record)],
  ['historian', () => runHistorianBench(record)],
  ['alarms', () => runAlarmBench(record)],
  ['trend', () => runTrendBench(record, { heapMinutes: option('--heap-minutes', 10) })],
];

for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`bench ${name}...`);
  await run();
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log('\nTidewatch benchmarks');
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${note}`);
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), options, metrics }, null, 2)}\n`);
  console.log(`\nwrote ${jsonFile}`);
}
process.exit(0);
