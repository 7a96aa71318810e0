import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../../shared/status-code.js';
import { SampleRingBuffer } from '../live/sample-ring-buffer.js';
import { localIso, trendCsv } from './trend-csv.js';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 6);

function ring(samples: readonly (readonly [number, number, number?])[]): SampleRingBuffer {
  const series = new SampleRingBuffer({ retainMs: Infinity });
  for (const [time, value, status] of samples) series.push(T0 + time, value, status ?? StatusCode.Good);
  return series;
}

describe('trendCsv', () => {
  it('writes the value in force at the start, then every sample in range, each with its own time, in time order', () => {
    const a = { tagId: 'plant/A', unit: 'bar', series: ring([[0, 1], [10, 2], [20, 3], [99, 4]]), history: undefined };
    const b = { tagId: 'plant/B', unit: '', series: ring([[5, 0.5, StatusCode.BadSensorFailure], [15, Number.NaN]]), history: undefined };
    const lines = trendCsv([a, b], T0 + 5, T0 + 20).join('').trim().split('\n');
    expect(lines[0]).toBe('time,tag,value,unit,quality,status,source');
    expect(lines.slice(1).map((l) => l.split(',').slice(1).join(','))).toEqual([
      'plant/A,1,bar,good,Good,memory',
      'plant/B,0.5,,bad,BadSensorFailure,memory',
      'plant/A,2,bar,good,Good,memory',
      'plant/B,NaN,,good,Good,memory',
      'plant/A,3,bar,good,Good,memory',
    ]);
    expect(lines[1]!.split(',')[0]).toBe(localIso(T0));
    expect(lines[2]!.split(',')[0]).toBe(localIso(T0 + 5));
  });

  it('starts with history older than the samples in memory, and marks where each row came from', () => {
    const series = ring([[50, 5]]);
    const history = { tagId: 'plant/A', time: [T0 - 20, T0 + 10, T0 + 50, T0 + 60], value: [0, 1, 99, 99], status: [0, 0, 0, 0], truncated: false };
    const lines = trendCsv([{ tagId: 'plant/A', unit: '', series, history }], T0, T0 + 100).join('').trim().split('\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 3).concat(l.split(',').slice(-1)))).toEqual([
      ['0', 'history'],
      ['1', 'history'],
      ['5', 'memory'],
    ]);
  });

  it('quotes awkward tag names and defuses spreadsheet formulas', () => {
    const lines = trendCsv([{ tagId: '=cmd|x, "y"', unit: '', series: ring([[0, 1]]), history: undefined }], T0, T0).join('');
    expect(lines).toContain(`"'=cmd|x, ""y"""`);
  });

  it('writes local time to the millisecond with its offset', () => {
    expect(localIso(T0)).toMatch(/^2026-01-0[12]T\d\d:\d\d:05\.006[+-]\d\d:\d\d$/);
  });
});
