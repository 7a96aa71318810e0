import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CAPACITY, SampleRingBuffer } from './sample-ring-buffer.js';

function contents(ring: SampleRingBuffer): number[][] {
  return Array.from({ length: ring.length }, (_, i) => [ring.timeAt(i), ring.valueAt(i), ring.statusAt(i)]);
}

describe('SampleRingBuffer', () => {
  it('holds a minute of a 100 Hz signal at full capacity', () => {
    expect(DEFAULT_MAX_CAPACITY).toBeGreaterThanOrEqual(6000);
    expect(Math.log2(DEFAULT_MAX_CAPACITY) % 1).toBe(0);
    const ring = new SampleRingBuffer();
    for (let i = 0; i < 6000; i++) ring.push(i * 10, i, 0);
    expect(ring.length).toBe(6000);
    expect(ring.timeAt(0)).toBe(0);
    expect(ring.timeAt(5999)).toBe(59_990);
  });

  it('returns samples oldest first, with the full status code', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 4 });
    ring.push(1, 10, 0);
    ring.push(2, 20, 0x808b0000);
    expect(contents(ring)).toEqual([
      [1, 10, 0],
      [2, 20, 0x808b0000],
    ]);
  });

  it('overwrites the oldest sample once at max capacity', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 4 });
    for (let i = 1; i <= 6; i++) ring.push(i, i * 10, 0);
    expect(ring.capacity).toBe(4);
    expect(contents(ring).map(([time]) => time)).toEqual([3, 4, 5, 6]);
  });

  it('grows while the oldest sample is younger than retainMs, keeping order across the wrap', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 16, retainMs: 1000 });
    for (let i = 0; i < 4; i++) ring.push(i, i, 0);
    ring.push(4, 4, 0);
    expect(ring.capacity).toBe(8);
    expect(contents(ring).map(([time]) => time)).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not grow for a slow tag whose oldest sample is already out of the window', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 16, retainMs: 1000 });
    for (let i = 0; i < 10; i++) ring.push(i * 1000, i, 0);
    expect(ring.capacity).toBe(4);
    expect(contents(ring).map(([time]) => time)).toEqual([6000, 7000, 8000, 9000]);
  });

  it('rounds capacities up to powers of two and rejects nonsense', () => {
    expect(new SampleRingBuffer({ initialCapacity: 5, maxCapacity: 100 }).capacity).toBe(8);
    expect(new SampleRingBuffer({ initialCapacity: 5, maxCapacity: 100 }).maxCapacity).toBe(128);
    expect(() => new SampleRingBuffer({ maxCapacity: 0 })).toThrow(RangeError);
  });

  it('is empty after clear and accepts new samples', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 2 });
    ring.push(1, 1, 0);
    ring.push(2, 2, 0);
    ring.clear();
    expect(ring.length).toBe(0);
    ring.push(3, 3, 0);
    expect(contents(ring)).toEqual([[3, 3, 0]]);
  });
});
