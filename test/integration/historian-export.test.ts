import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryFile } from '../../shared/api/history-api.js';
import { StatusCode } from '../../shared/status-code.js';
import { callApi } from '../../main/api/call-api.js';
import type { ClientSession } from '../../main/api/client-session.js';
import { TidewatchCore } from '../../main/api/tidewatch-core.js';
import { Historian } from '../../main/historian/historian.js';
import { HistoryService } from '../../main/historian/history-service.js';
import { FrameCollector } from '../support/frame-collector.js';
import { testSecurity } from '../support/test-security.js';
import { historianWorkerEntry } from './historian-support.js';

// History export as the renderer asks for it: through the core's one door (validation, permissions)
// to a real historian database, by a session nobody has logged in to: viewing history needs no rights.

const T0 = Date.UTC(2026, 5, 1, 6, 0, 0);
const MINUTE = 60_000;
/** A small limit, so a too-large export costs the test little. */
const MAX_CHARS = 256 * 1024;

describe('history export through the API', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-history-export-'));
  let historian: Historian;
  let core: TidewatchCore;
  let security: ReturnType<typeof testSecurity>;
  let client: ClientSession;
  // 'plant/Level' at 2 Hz with a minute of sensor failure; 'plant/Vibration' at 100 Hz: 10 minutes each.
  const level = Array.from({ length: 1200 }, (_, i) => ({ t: T0 + i * 500, v: 40 + (i % 37) / 4, s: i >= 240 && i < 360 ? StatusCode.BadSensorFailure : StatusCode.Good }));
  const exportHistory = (params: unknown) => callApi(client.api(), 'exportHistory', params) as Promise<HistoryFile>;
  const refusal = (params: unknown) => exportHistory(params).then(() => 'exported', (error: Error) => error.message);
  const lines = (file: HistoryFile) => file.content.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1).map((line) => line.split(','));

  beforeAll(async () => {
    historian = new Historian({ dir: path.join(dir, 'history'), workerEntry: await historianWorkerEntry() });
    const [levelKey, vibrationKey] = historian.registerTags(['plant/Level', 'plant/Vibration']);
    for (const x of level) historian.append(levelKey!, x.t, x.v, x.s);
    for (let t = T0; t < T0 + 10 * MINUTE; t += 10) historian.append(vibrationKey!, t, Math.sin(t / 100), StatusCode.Good);
    await historian.flush();
    security = testSecurity(path.join(dir, 'user-data'));
    core = new TidewatchCore(() => undefined, security);
    const known = new Set(['plant/Level', 'plant/Vibration']);
    core.registerApi(() => new HistoryService(historian, (id) => known.has(id), null, MAX_CHARS));
    client = core.openClient(new FrameCollector(), 'test');
  });

  afterAll(async () => {
    await core?.dispose();
    security?.dispose();
    await historian?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports every stored sample of a tag as CSV, with UTC times and each sample’s quality', async () => {
    const file = await exportHistory({ tagIds: ['plant/Level'], from: T0, to: T0 + 10 * MINUTE });
    expect(file).toMatchObject({ filename: 'history-20260601T060000Z-20260601T061000Z.csv', mimeType: 'text/csv' });
    const [header, ...rows] = lines(file);
    expect(header).toEqual(['Time', 'UTC', 'plant/Level', 'plant/Level status']);
    expect(rows.map((r) => r.slice(1))).toEqual(level.map((x) => [new Date(x.t).toISOString(), String(x.v), x.s === StatusCode.Good ? 'Good' : 'BadSensorFailure']));
  });

  it('exports aggregated rows per interval, computed from the same samples', async () => {
    const file = await exportHistory({ tagIds: ['plant/Level', 'plant/Vibration'], from: T0, to: T0 + 10 * MINUTE, intervalMs: MINUTE });
    expect(file.filename).toBe('history-20260601T060000Z-20260601T061000Z-60000ms.csv');
    const [header, ...rows] = lines(file);
    expect(header!.slice(0, 9)).toEqual(['Interval start', 'UTC', 'plant/Level avg', 'plant/Level min', 'plant/Level max', 'plant/Level first', 'plant/Level last', 'plant/Level samples', 'plant/Level bad']);
    expect(rows.map((r) => r[1])).toEqual(Array.from({ length: 10 }, (_, m) => new Date(T0 + m * MINUTE).toISOString()));
    rows.forEach((row, m) => {
      const inMinute = level.filter((x) => x.t >= T0 + m * MINUTE && x.t < T0 + (m + 1) * MINUTE);
      const good = inMinute.filter((x) => x.s === StatusCode.Good).map((x) => x.v);
      expect(row.slice(7, 9), `minute ${m}`).toEqual([String(inMinute.length), String(inMinute.length - good.length)]);
      expect(row[3], `minute ${m}`).toBe(good.length === 0 ? '' : String(Math.min(...good)));
      expect(row[14], `minute ${m}`).toBe('6000'); // vibration samples
    });
  });

  it('exports about the asked number of rows when given a bucket count', async () => {
    const [, ...rows] = lines(await exportHistory({ tagIds: ['plant/Vibration'], from: T0, to: T0 + 10 * MINUTE, buckets: 4 }));
    // 2.5 min rounds up to 3 min, aligned to multiples of it: 06:00, 06:03, 06:06, 06:09.
    expect(rows.map((r) => r[1])).toEqual([0, 3, 6, 9].map((m) => new Date(T0 + m * MINUTE).toISOString()));
    expect(rows.map((r) => Number(r[7]))).toEqual([18_000, 18_000, 18_000, 6_000]);
  });

  it('refuses bad requests with what is wrong and where, and keeps answering', async () => {
    expect(await refusal({ tagIds: ['plant/Level'], from: T0 + MINUTE, to: T0 })).toBe('exportHistory: to: to must be after from');
    expect(await refusal({ tagIds: ['plant/Level', 'plant/Nope'], from: T0, to: T0 + MINUTE })).toBe('exportHistory: tagIds.1: unknown tag "plant/Nope"');
    expect(await refusal({ tagIds: ['plant/Level'], from: T0, to: T0 + MINUTE, intervalMs: 1000, buckets: 10 })).toBe('exportHistory: buckets: give intervalMs or buckets, not both');
    expect(await refusal({ tagIds: [], from: T0, to: T0 + MINUTE })).toMatch(/^exportHistory: tagIds: /);
    const tenYears = 10 * 365 * 86_400_000;
    expect(await refusal({ tagIds: ['plant/Level', 'plant/Vibration'], from: T0 - tenYears, to: T0, intervalMs: 1000 })).toBe(
      'exportHistory: intervalMs: range too large: 315,360,000 intervals × 2 tag(s), at most 500,000; choose a longer interval, a shorter range or fewer tags',
    );
    // 60,000 raw vibration rows pass the limit: refused once the file would, not after holding it all.
    expect(await refusal({ tagIds: ['plant/Vibration'], from: T0, to: T0 + 10 * MINUTE })).toBe(
      'exportHistory: range too large: the file would pass 0.25 MB; choose a shorter range, fewer tags or aggregated rows',
    );
    expect(lines(await exportHistory({ tagIds: ['plant/Vibration'], from: T0, to: T0 + 10 * MINUTE, intervalMs: MINUTE }))).toHaveLength(11);
  });
});
