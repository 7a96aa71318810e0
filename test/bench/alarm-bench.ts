// The alarm benchmarks: the engine's cost per sample with 10,000 limit alarms
// beside the same loop with none and beside a plain comparison, and a flood of
// 1,000 alarms within one second through the service into the journal.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alarmDefinitionsSchema } from '../../main/alarms/alarm-definition.js';
import { MemoryAlarmJournal } from '../../main/alarms/alarm-journal.js';
import { AlarmService } from '../../main/alarms/alarm-service.js';
import { demoProject } from '../../main/project/demo-project.js';
import { writeProjectFile } from '../../main/project/project-file.js';
import type { AlarmJournalPage } from '../../shared/api/alarm-api.js';
import type { TagInfo } from '../../shared/contract.js';
import { ApiSocket } from '../support/api-socket.js';
import { launchChromium } from '../support/chromium.js';
import { startServe } from '../support/serve-process.js';
import { TEST_ADMIN } from '../support/test-security.js';
import type { Record } from './bench-types.js';
import { percentile } from './percentile.js';

const ALARMS = 10_000;
/** HH, H, L, LL on each tag: four alarms evaluated per sample, as a real limit definition has. */
const TAGS = ALARMS / 4;
const SAMPLES = 4_000_000;
const ROUNDS = 5;

export async function runAlarmBench(record: Record): Promise<void> {
  const tags: TagInfo[] = Array.from({ length: TAGS }, (_, i) => ({
    index: i, id: `bench/T${i}`, name: `T${i}`, displayName: `T${i}`, description: '', connectionId: 'bench', nodeId: `ns=1;i=${i}`, unit: '', decimals: null, euRange: null, dataType: 'Double', writable: false,
  }));
  const withAlarms = service(tags, tags.map((tag) => limitDefinition(tag.id)));
  const withoutAlarms = service(tags, []);
  // Values wander inside the limits: the cost measured is evaluation, not raising.
  const values = Float64Array.from({ length: 65_536 }, (_, i) => 50 + 30 * Math.sin(i / 97));
  let sink = 0;
  const plain = { sample: (_tag: number, _time: number, value: number) => { if (value > 90) sink++; } };
  const loops: [string, { sample(tag: number, time: number, value: number, status: number): void }][] = [
    ['engine', withAlarms.service],
    ['empty', withoutAlarms.service],
    ['plain', plain],
  ];
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, observer] of loops) {
      const ns = timeLoop(observer, values);
      best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ns));
    }
  }
  record('alarms.eval_ns_per_sample', best.get('engine')!, `${ALARMS} limit alarms on ${TAGS} tags, best of ${ROUNDS} x ${SAMPLES / 1e6} M samples`);
  record('alarms.eval_ns_per_sample_no_alarms', best.get('empty')!, 'baseline: the same loop, engine with no alarm defined');
  record('alarms.eval_ns_per_sample_plain_compare', best.get('plain')!, 'baseline: one plain comparison per sample');
  withAlarms.service.dispose();
  withoutAlarms.service.dispose();
  if (sink < 0) console.log(sink);

  record('alarms.service_flood_journaled', await floodJournaled(), '1,000 local alarms raised within one second through the service alone');
  await floodUi(record);
}

const FLOOD = 1_000;

/**
 * The whole app: `serve` with the demo project plus 1,000 deviation alarms on
 * TIC101, all raised by one setpoint jump, while Chromium shows the banner and
 * the open summary. Frame times come from requestAnimationFrame in the page:
 * quiet (the baseline, same page, same run) and over the 3 s after the jump.
 */
async function floodUi(record: Record): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-alarm-bench-'));
  const project = demoProject();
  const file = path.join(dir, 'flood.tidewatch');
  const flood = Array.from({ length: FLOOD }, (_, i) => ({
    id: `FLOOD.${String(i).padStart(4, '0')}`, type: 'deviation', tag: 'demo/TIC101.PV', setpointTag: 'demo/TIC101.SP', limit: 5 + i / 1_000, area: 'Flood',
  }));
  await writeProjectFile(file, { ...project, alarms: [...project.alarms, ...alarmDefinitionsSchema.parse(flood)] });
  const serve = await startServe(['--project', file]);
  // The first run asks for an administrator before it shows anything: the bench answers it as an operator would.
  await serve.setUpAdministrator();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(serve.url);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="alarm-banner"][data-loaded="true"]').waitFor();
    await page.locator('[data-testid="alarm-open-summary"]').click();
    const frames = (ms: number) =>
      page.evaluate(
        (span) =>
          new Promise<number[]>((resolve) => {
            const deltas: number[] = [];
            let last = performance.now();
            const end = last + span;
            const step = (now: number) => {
              deltas.push(now - last);
              last = now;
              if (now < end) requestAnimationFrame(step);
              else resolve(deltas);
            };
            requestAnimationFrame(step);
          }),
        ms,
      );
    const quiet = await frames(3_000);
    const api = await ApiSocket.open(serve.origin, serve.token);
    // A setpoint is an operator's change: the socket logs in as the administrator the bench set up.
    await api.call('login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password });
    const start = Date.now();
    const [, flooded] = await Promise.all([api.call('writeTag', { tagId: 'demo/TIC101.SP', value: 78 }), frames(3_000)]);
    await page.waitForFunction(
      (count) => Number(document.querySelector('[data-testid="alarm-count"][data-priority="medium"]')?.getAttribute('data-standing')) >= count,
      FLOOD,
      { timeout: 30_000 },
    );
    const page1 = await api.call<AlarmJournalPage>('queryAlarmJournal', { from: start - 60_000, to: Date.now() + 60_000, text: 'FLOOD.', limit: 5_000 });
    await api.call('writeTag', { tagId: 'demo/TIC101.SP', value: 55 });
    api.close();
    record('alarms.flood_1000_in_1s_ui_frame_p95_ms', percentile(flooded, 95), 'banner + open summary while 1,000 alarms rise at once (target < 50)');
    record('alarms.flood_ui_frame_p95_ms_quiet', percentile(quiet, 95), 'baseline: the same page before the flood');
    record('alarms.flood_journaled', page1.entries.filter((e) => e.kind === 'raise').length, 'raise entries in the journal (target 1000)');
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeLoop(observer: { sample(tag: number, time: number, value: number, status: number): void }, values: Float64Array): number {
  const start = process.hrtime.bigint();
  let time = 1_800_000_000_000;
  for (let i = 0; i < SAMPLES; i++) observer.sample(i % TAGS, time++, values[i & 65_535]!, 0);
  return Number(process.hrtime.bigint() - start) / SAMPLES;
}

function limitDefinition(tag: string) {
  return { id: tag.replace('/', '_'), type: 'limit', tag, deadband: 1, limits: { HH: { value: 95 }, H: { value: 90 }, L: { value: 10 }, LL: { value: 5 } } };
}

function service(tags: readonly TagInfo[], definitions: unknown[]) {
  const journal = new MemoryAlarmJournal(1_000_000);
  const alarmService = new AlarmService({ tags: () => tags, journal, publish: () => undefined, user: () => 'bench', log: () => undefined });
  alarmService.loadDefinitions(alarmDefinitionsSchema.parse(definitions));
  return { service: alarmService, journal };
}

/** 1,000 alarms from samples spread over one second of wall-clock time, then count what the journal holds. */
async function floodJournaled(): Promise<number> {
  const tags: TagInfo[] = Array.from({ length: 1_000 }, (_, i) => ({
    index: i, id: `flood/F${i}`, name: `F${i}`, displayName: `F${i}`, description: '', connectionId: 'flood', nodeId: `ns=1;i=${i}`, unit: '', decimals: null, euRange: null, dataType: 'Double', writable: false,
  }));
  const { service: flood, journal } = service(tags, tags.map((tag) => ({ id: tag.name, type: 'limit', tag: tag.id, limits: { H: { value: 90 } } })));
  const start = Date.now();
  for (let batch = 0; batch < 10; batch++) {
    for (let i = batch * 100; i < (batch + 1) * 100; i++) flood.sample(i, Date.now(), 95, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const page = await journal.query({ from: start - 1, to: Date.now() + 1, text: 'raise', limit: 5_000 });
  flood.dispose();
  return page.entries.filter((e) => e.kind === 'raise').length;
}
