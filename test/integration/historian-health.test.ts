import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAlarmJournal } from '../../main/alarms/alarm-journal.js';
import { AlarmService } from '../../main/alarms/alarm-service.js';
import { historianReporter } from '../../main/app/historian-alarms.js';
import { Historian, type HistorianHealth } from '../../main/historian/historian.js';
import type { RawSeries } from '../../main/historian/worker-protocol.js';
import { waitFor } from '../support/wait-for.js';
import { historianWorkerEntry, tempDir } from './historian-support.js';

// What an operator sees when history cannot be written: a not-ok health,
// shown as a notice and a system alarm (wired as the app wires them), an app
// that keeps running, samples dropped and counted instead of piling up in memory.

const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const { dir, remove } = tempDir('historian-health');
  cleanups.push(remove);
  return dir;
}

/** A tmpfs of `size` at `dir` (root only; the tests that need one say why they skip otherwise). */
function mountTmpfs(dir: string, options: string): boolean {
  if (!isRoot) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    console.log(`cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
    return false;
  }
  cleanups.push(() => execFileSync('umount', ['-l', dir]));
  return true;
}

/** A folder the historian cannot write: a read-only mount as root (root ignores permissions), else permissions. */
function readOnly(dir: string): void {
  if (mountTmpfs(dir, 'ro,size=1m')) return;
  chmodSync(dir, 0o555);
  cleanups.push(() => chmodSync(dir, 0o755));
}

async function historianIn(dir: string, extra: Partial<ConstructorParameters<typeof Historian>[0]> = {}) {
  const health: HistorianHealth[] = [];
  const notices: string[] = [];
  const alarms = new AlarmService({ tags: () => [], journal: new MemoryAlarmJournal(), publish: () => undefined, user: () => 'system', log: () => undefined });
  const reports = historianReporter(alarms, (_, message) => notices.push(message), () => undefined);
  const historian = new Historian({
    dir, workerEntry: await historianWorkerEntry(), flushIntervalMs: 100_000,
    onHealth: (h) => (health.push(h), reports.onHealth(h)), onNotice: reports.onNotice, ...extra,
  });
  cleanups.push(() => void historian.dispose(), () => alarms.dispose());
  const systemAlarms = async () => (await alarms.api().listAlarms()).alarms.filter((a) => a.area === 'System').map((a) => ({ id: a.id, state: a.state, priority: a.priority, message: a.message }));
  return { historian, health, notices, systemAlarms };
}

function appendSeconds(historian: Historian, key: number, from: number, seconds: number, perSecond: number): void {
  for (let i = 0; i < seconds * perSecond; i++) historian.append(key, from + (i * 1000) / perSecond, i, 0);
}

describe('historian health', () => {
  it('a read-only folder: reports it, keeps taking samples, drops and counts them with bounded memory', async () => {
    const root = folder();
    const dir = path.join(root, 'user-data');
    mkdirSync(dir);
    readOnly(dir);
    const { historian, health, notices, systemAlarms } = await historianIn(path.join(dir, 'history'), { maxBufferedSamples: 5000 });
    const ready = await historian.ready;
    expect(ready.ok).toBe(false);
    expect(ready.message).toMatch(/^History is not being recorded: cannot open .*history\.db: (the folder or file is read-only|the file cannot be opened)/);
    expect(health).toEqual([ready]);
    expect(notices).toEqual([`History: ${ready.message}`]);
    expect(await systemAlarms()).toEqual([{ id: 'system:history', state: 'unackActive', priority: 'high', message: ready.message }]);
    const [key] = historian.registerTags(['demo/Tank1.Level']);
    appendSeconds(historian, key!, Date.UTC(2026, 0, 1), 60, 500);
    expect(historian.stats().buffered).toBeLessThanOrEqual(5000);
    await historian.flush();
    expect(historian.stats()).toMatchObject({ appended: 5000, written: 0, dropped: 30_000 });
    await expect(historian.readSeries({ tagIds: ['demo/Tank1.Level'], from: 0, to: 1, buckets: 0, rawLimit: 10, exact: false })).rejects.toThrow(/^history is unavailable: History is not being recorded/);
    await historian.dispose();
    expect(historian.running).toBe(false);
  });

  it('an existing history on a disk that turned read-only: reports it and does not move the history aside', async (context) => {
    if (!isRoot) {
      console.log('skipped: remounting read-only needs root');
      return context.skip();
    }
    const dir = folder();
    if (!mountTmpfs(dir, 'size=4m')) return context.skip();
    const first = await historianIn(dir);
    expect((await first.historian.ready).ok).toBe(true);
    await first.historian.dispose();
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const second = await historianIn(dir);
    const ready = await second.historian.ready;
    expect(ready.ok).toBe(false);
    expect(ready.message).toContain('History is not being recorded: cannot open');
    await second.historian.dispose();
    execFileSync('mount', ['-o', 'remount,rw', dir]);
    const third = await historianIn(dir);
    expect(await third.historian.ready).toEqual({ ok: true, message: `History is recorded in ${path.join(dir, 'history.db')}` });
  });

  it('a full disk: reports it while full, drops and counts, records again once there is room', async (context) => {
    const dir = folder();
    if (!mountTmpfs(dir, 'size=2m')) {
      console.log('skipped: simulating a full disk needs a small tmpfs, which needs root');
      return context.skip();
    }
    const { historian, health, systemAlarms } = await historianIn(dir, { maxBufferedSamples: 20_000 });
    expect((await historian.ready).ok).toBe(true);
    expect(await systemAlarms()).toEqual([]);
    const [key] = historian.registerTags(['demo/Vibration']);
    const filler = path.join(dir, 'filler');
    const free = statfsSync(dir);
    writeFileSync(filler, Buffer.alloc(Number(free.bavail * free.bsize) - 16 * 1024));
    const t0 = Date.UTC(2026, 0, 1);
    for (let second = 0; second < 10; second++) {
      appendSeconds(historian, key!, t0 + second * 1000, 1, 10_000);
      await historian.flush();
    }
    await waitFor('a not-ok health', () => health.find((h) => !h.ok));
    expect(health.find((h) => !h.ok)!.message).toMatch(/^History is not being recorded: the disk is full .*; samples are being dropped$/);
    const dropped = historian.stats().dropped;
    expect(dropped).toBeGreaterThan(0);
    expect(historian.stats().written + dropped).toBe(100_000);
    expect(await systemAlarms()).toMatchObject([{ id: 'system:history', state: 'unackActive', message: expect.stringMatching(/^History is not being recorded: the disk is full/) }]);

    rmSync(filler);
    appendSeconds(historian, key!, t0 + 60_000, 1, 1000);
    await historian.flush();
    expect(health.at(-1)).toEqual({ ok: true, message: `History is being recorded again in ${path.join(dir, 'history.db')}` });
    // Returned to normal, it waits in the list for an acknowledgement: the operator learns history has a gap.
    expect(await systemAlarms()).toMatchObject([{ id: 'system:history', state: 'unackRtn' }]);
    const [series] = (await historian.readSeries({ tagIds: ['demo/Vibration'], from: t0 + 60_000, to: t0 + 61_000, buckets: 0, rawLimit: 5000, exact: false })) as RawSeries[];
    expect(series!.time.length).toBe(1000);
  });

  it('a damaged database: set aside with a notice and a system alarm that waits to be acknowledged', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'history.db'), 'not a database, just some words written over it');
    const { historian, notices, systemAlarms } = await historianIn(dir);
    expect((await historian.ready).ok).toBe(true);
    await waitFor('the set-aside notice', () => notices.length > 0);
    const message = expect.stringMatching(/^The history database .*history\.db could not be used \(.*\)\. It was moved to .*history\.db\.corrupt-.* \(nothing was deleted\) and a new history was started\.$/);
    expect(notices).toEqual([expect.stringMatching(/^History: The history database /)]);
    expect(await systemAlarms()).toEqual([{ id: 'system:history-set-aside', state: 'unackRtn', priority: 'high', message }]);
  });

  it('a writer thread that cannot start: reports why, and the app keeps running without history', async () => {
    const health: HistorianHealth[] = [];
    const historian = new Historian({ dir: folder(), workerEntry: path.join(folder(), 'missing-worker.js'), onHealth: (h) => health.push(h) });
    const ready = await historian.ready;
    expect(ready).toEqual({ ok: false, message: expect.stringMatching(/^History is not being recorded: the history writer stopped \(Cannot find module .*missing-worker\.js/) });
    expect(health).toEqual([ready]);
    const [key] = historian.registerTags(['demo/Level']);
    historian.append(key!, 1, 1, 0);
    await historian.flush();
    expect(historian.stats()).toMatchObject({ written: 0, dropped: 1 });
    await historian.dispose();
    expect(historian.running).toBe(false);
  });

  it('dispose flushes, closes and ends both threads; afterwards samples are dropped and queries refused', async () => {
    const dir = folder();
    const { historian } = await historianIn(dir);
    const [key] = historian.registerTags(['demo/Counter']);
    appendSeconds(historian, key!, 1000, 5, 10);
    await historian.readSeries({ tagIds: ['demo/Counter'], from: 0, to: 1, buckets: 0, rawLimit: 1, exact: false });
    await historian.dispose();
    expect(historian.running).toBe(false);
    historian.append(key!, 99_000, 1, 0);
    expect(historian.stats()).toMatchObject({ appended: 50, written: 50, dropped: 1 });
    await expect(historian.readSeries({ tagIds: ['demo/Counter'], from: 0, to: 1, buckets: 0, rawLimit: 1, exact: false })).rejects.toThrow('history is closed');
    const again = await historianIn(dir);
    const [series] = (await again.historian.readSeries({ tagIds: ['demo/Counter'], from: 0, to: 10_000, buckets: 0, rawLimit: 100, exact: false })) as RawSeries[];
    expect(series!.time.length).toBe(50);
  });
});
