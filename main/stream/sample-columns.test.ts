import { describe, expect, it } from 'vitest';
import { SampleColumns } from './sample-columns.js';

describe('SampleColumns.reusing', () => {
  it('starts empty over the given arrays and fills them from the start', () => {
    const used = new SampleColumns(4);
    for (let i = 0; i < 4; i++) used.append(7, 100 + i, i, 0);
    const again = SampleColumns.reusing(used)!;
    expect(again.count).toBe(0);
    expect(again.capacity).toBe(4);
    again.append(9, 500, 42, 1);
    expect(again.time).toBe(used.time);
    expect([again.tag[0], again.time[0], again.value[0], again.status[0]]).toEqual([9, 500, 42, 1]);
  });

  it('refuses arrays of different lengths or none', () => {
    const arrays = { time: new Float64Array(4), value: new Float64Array(4), tag: new Uint32Array(4), status: new Uint32Array(4) };
    expect(SampleColumns.reusing({ ...arrays, status: new Uint32Array(3) })).toBeNull();
    expect(SampleColumns.reusing({ ...arrays, time: new Float64Array(5) })).toBeNull();
    const none = new Float64Array(0);
    expect(SampleColumns.reusing({ time: none, value: none, tag: new Uint32Array(0), status: new Uint32Array(0) })).toBeNull();
  });
});
