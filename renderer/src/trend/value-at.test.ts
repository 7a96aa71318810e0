import { describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../../shared/contract.js';
import { StatusCode } from '../../../shared/status-code.js';
import { SampleRingBuffer } from '../live/sample-ring-buffer.js';
import { valueAt } from './value-at.js';

const T0 = 1_700_000_000_000;

function ring(samples: readonly (readonly [number, number, number?])[]): SampleRingBuffer {
  const series = new SampleRingBuffer({ retainMs: Infinity });
  for (const [time, value, status] of samples) series.push(time, value, status ?? StatusCode.Good);
  return series;
}

const history: HistorySeries = { tagId: 'a', time: [T0 - 100, T0 - 50], value: [1, 2], status: [0, StatusCode.BadSensorFailure], truncated: false };

describe('valueAt', () => {
  it('reads the last report at or before the time, with its quality', () => {
    const series = ring([[T0, 10], [T0 + 10, 20, StatusCode.UncertainLastUsableValue], [T0 + 20, 30]]);
    expect(valueAt(series, undefined, T0 + 15)).toEqual({ time: T0 + 10, value: 20, status: StatusCode.UncertainLastUsableValue, fromHistory: false });
    expect(valueAt(series, undefined, T0 + 20)?.value).toBe(30);
    expect(valueAt(series, undefined, T0 - 1)).toBeUndefined();
  });

  it('reads history older than the samples in memory', () => {
    const series = ring([[T0, 10]]);
    expect(valueAt(series, history, T0 - 10)).toEqual({ time: T0 - 50, value: 2, status: StatusCode.BadSensorFailure, fromHistory: true });
    expect(valueAt(undefined, history, T0 - 60)?.value).toBe(1);
    expect(valueAt(series, history, T0 - 200)).toBeUndefined();
  });
});
