import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { Historian } from '../../main/historian/historian.js';
import { historyCsv } from '../../main/historian/history-csv.js';
import { historianWorkerEntry, seededRandom, tempDir } from './historian-support.js';

// CSV export as an engineer opens it: streamed to a file, then read back as a spreadsheet would.

const T0 = Date.UTC(2026, 10, 5, 8, 0, 0);
const BAD = StatusCode.BadSensorFailure;

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('history CSV export', () => {
  const folder = tempDir('historian-csv');
  const random = seededRandom(7);
  let historian: Historian;
  // 'plant/Level' at 2 Hz for 10 minutes; '=SUM(A1)' (a hostile name) at 0.2 Hz with a bad stretch.
  const level = Array.from({ length: 1200 }, (_, i) => ({ t: T0 + i * 500, v: Math.round(random() * 1000) / 10, s: 0 }));
  const odd = Array.from({ length: 120 }, (_, i) => ({ t: T0 + 250 + i * 5000, v: i, s: i >= 30 && i < 40 ? BAD : 0 }));

  const exportTo = async (name: string, request: Parameters<typeof historyCsv>[1]) => {
    const file = path.join(folder.dir, name);
    await pipeline(Readable.from(historyCsv(historian, request)), createWriteStream(file));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return parseCsv(text.slice(1));
  };

  beforeAll(async () => {
    historian = new Historian({ dir: folder.dir, workerEntry: await historianWorkerEntry() });
    const [a, b] = historian.registerTags(['plant/Level', '=SUM(A1)']);
    for (const x of level) historian.append(a!, x.t, x.v, x.s);
    for (const x of odd) historian.append(b!, x.t, x.v, x.s);
    await historian.flush();
  });

  afterAll(async () => {
    await historian?.dispose();
    folder.remove();
  });

  it('raw: one column per tag, rows on the merged times, empty cells where a tag has no sample then', async () => {
    const rows = await exportTo('raw.csv', { tagIds: ['plant/Level', '=SUM(A1)'], from: T0, to: T0 + 600_000, intervalMs: 0 });
    expect(rows[0]).toEqual(['Time', 'UTC', 'plant/Level', 'plant/Level status', "'=SUM(A1)", "'=SUM(A1) status"]);
    const body = rows.slice(1);
    expect(body).toHaveLength(level.length + odd.length);
    expect(body.map((r) => r[1])).toEqual([...level, ...odd].map((x) => x.t).sort((p, q) => p - q).map((t) => new Date(t).toISOString()));
    expect(body[0]).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:00\.000$/), '2026-11-05T08:00:00.000Z', String(level[0]!.v), 'Good', '', '']);
    const badRow = body.find((r) => r[1] === new Date(T0 + 250 + 30 * 5000).toISOString())!;
    expect(badRow.slice(2)).toEqual(['', '', '30', 'BadSensorFailure']);
  });

  it('aggregated: one row per whole interval with avg, min, max, first, last, samples and bad per tag', async () => {
    const rows = await exportTo('minute.csv', { tagIds: ['plant/Level', '=SUM(A1)'], from: T0 + 10_000, to: T0 + 600_000, intervalMs: 60_000 });
    expect(rows[0]!.slice(0, 9)).toEqual(['Interval start', 'UTC', 'plant/Level avg', 'plant/Level min', 'plant/Level max', 'plant/Level first', 'plant/Level last', 'plant/Level samples', 'plant/Level bad']);
    expect(rows[0]![9]).toBe("'=SUM(A1) avg");
    const body = rows.slice(1);
    // From is widened to the whole minute it falls in.
    expect(body).toHaveLength(10);
    body.forEach((row, m) => {
      const start = T0 + m * 60_000;
      expect(row[1]).toBe(new Date(start).toISOString());
      const check = (samples: typeof level, cells: string[]) => {
        const inMinute = samples.filter((x) => x.t >= start && x.t < start + 60_000);
        const good = inMinute.filter((x) => x.s === 0);
        const values = good.map((x) => x.v);
        const avg = values.reduce((a, v) => a + v, 0) / values.length;
        expect(Number(cells[0])).toBeCloseTo(avg, 9);
        expect(cells.slice(1)).toEqual([String(Math.min(...values)), String(Math.max(...values)), String(inMinute[0]!.v), String(inMinute.at(-1)!.v), String(inMinute.length), String(inMinute.length - good.length)]);
      };
      check(level, row.slice(2, 9));
      check(odd, row.slice(9, 16));
    });
  });

  it('aggregated: an interval with only bad samples has no avg, min or max but still its first, last and counts', async () => {
    const rows = await exportTo('bad.csv', { tagIds: ['=SUM(A1)'], from: T0 + 160_000, to: T0 + 190_000, intervalMs: 10_000 });
    expect(rows.slice(1).map((r) => r.slice(2))).toEqual([
      ['', '', '', '32', '33', '2', '2'],
      ['', '', '', '34', '35', '2', '2'],
      ['', '', '', '36', '37', '2', '2'],
    ]);
  });
});
