import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { historyCsv, intervalForBuckets, numberCell, textCell } from './history-csv.js';
import type { RawSeries, SeriesRequest } from './worker-protocol.js';

describe('CSV cells', () => {
  it('quotes text holding a separator, a quote or a line break', () => {
    expect(textCell('plant/Tank1.Level')).toBe('plant/Tank1.Level');
    expect(textCell('Level, upper')).toBe('"Level, upper"');
    expect(textCell('the "main" tank')).toBe('"the ""main"" tank"');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(textCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('-cmd')).toBe("'-cmd");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers as the shortest exact text, and nothing for a missing value', () => {
    expect(numberCell(-0.1)).toBe('-0.1');
    expect(numberCell(1e21)).toBe('1e+21');
    expect(numberCell(Number.NaN)).toBe('');
  });
});

/** Stored samples per tag, answered as the reader thread would: raw rows in time order from `from`, up to the limit. */
function samplesReader(samples: Record<string, readonly [time: number, value: number, status: number][]>) {
  return {
    readSeries: async (request: SeriesRequest): Promise<RawSeries[]> =>
      request.tagIds.map((tagId) => {
        const rows = (samples[tagId] ?? []).filter(([t]) => t >= request.from && t < request.to);
        const kept = rows.slice(0, request.rawLimit);
        return { kind: 'raw', tagId, time: Float64Array.from(kept, (r) => r[0]), value: Float64Array.from(kept, (r) => r[1]), status: Float64Array.from(kept, (r) => r[2]), truncated: rows.length > kept.length };
      }),
  };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('raw history CSV', () => {
  const T0 = Date.UTC(2026, 2, 29, 0, 59, 59, 500); // half a second before Europe's clocks go forward
  const reader = samplesReader({
    'line1/Flow, main': [
      [T0, 12.5, StatusCode.Good],
      [T0 + 1000, 13, StatusCode.UncertainLastUsableValue],
    ],
    'line1/"Temp"': [
      [T0 + 500, -0.25, StatusCode.BadSensorFailure | 0x0400],
      [T0 + 1000, Number.NaN, StatusCode.BadNoCommunication],
    ],
  });

  it('has a header naming each tag and its status column, quoted where the name needs it, after a byte-order mark', async () => {
    const csv = await collect(historyCsv(reader, { tagIds: ['line1/Flow, main', 'line1/"Temp"'], from: T0, to: T0 + 2000, intervalMs: 0 }));
    const [header] = csv.split('\r\n');
    expect(header).toBe('\uFEFFTime,UTC,"line1/Flow, main","line1/Flow, main status","line1/""Temp""","line1/""Temp"" status"');
  });

  it('writes one row per time with ISO 8601 UTC times and the status by name, empty where a tag has no sample', async () => {
    const csv = await collect(historyCsv(reader, { tagIds: ['line1/Flow, main', 'line1/"Temp"'], from: T0, to: T0 + 2000, intervalMs: 0 }));
    const rows = csv.split('\r\n').slice(1, -1).map((line) => line.split(','));
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['2026-03-29T00:59:59.500Z', '12.5', 'Good', '', ''],
      ['2026-03-29T01:00:00.000Z', '', '', '-0.25', 'BadSensorFailure'],
      ['2026-03-29T01:00:00.500Z', '13', 'UncertainLastUsableValue', '', 'BadNoCommunication'],
    ]);
    // The local column is for a spreadsheet's date parser; the UTC one is the unambiguous truth.
    for (const row of rows) expect(row[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads on past a full read: the row limit never cuts the file short', async () => {
    const many = samplesReader({ 'a/X': Array.from({ length: 25_000 }, (_, i) => [i * 10, i, 0] as [number, number, number]) });
    const csv = await collect(historyCsv(many, { tagIds: ['a/X'], from: 0, to: 1e9, intervalMs: 0 }));
    const lines = csv.split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(25_000);
    expect(lines.at(-1)!.split(',').slice(1)).toEqual([new Date(249_990).toISOString(), '24999', 'Good']);
  });
});

describe('intervalForBuckets', () => {
  it('rounds the width up to whole rollup cells, so about the asked number of rows come from rollups', () => {
    const day = 86_400_000;
    expect(intervalForBuckets(0, day, 24)).toBe(3_600_000);
    expect(intervalForBuckets(0, day, 100)).toBe(900_000); // 14.4 min -> 15 min
    expect(intervalForBuckets(0, 7 * day, 20)).toBe(9 * 3_600_000); // 8.4 h -> 9 h
    expect(intervalForBuckets(0, 90_000, 60)).toBe(2_000); // 1.5 s -> 2 s
  });

  it('keeps a width below a second in whole ms', () => {
    expect(intervalForBuckets(0, 1_000, 3)).toBe(334);
    expect(intervalForBuckets(0, 5, 10)).toBe(1);
  });
});
