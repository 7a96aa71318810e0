import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CAPACITY, MAX_INSERT_DEPTH, SampleRingBuffer } from './sample-ring-buffer.js';

function contents(ring: SampleRingBuffer): number[][] {
  return Array.from({ length: ring.length }, (_, i) => [ring.timeAt(i), ring.valueAt(i), ring.statusAt(i)]);
}

const times = (ring: SampleRingBuffer) => contents(ring).map(([time]) => time);

describe('SampleRingBuffer', () => {
  it('holds a minute of a 100 Hz signal by default', () => {
    expect(DEFAULT_MAX_CAPACITY).toBeGreaterThanOrEqual(6000);
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

  it('overwrites the oldest sample once at max capacity, any capacity, across the wrap', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 5, maxCapacity: 5 });
    for (let i = 1; i <= 12; i++) ring.push(i, i * 10, 0);
    expect(ring.capacity).toBe(5);
    expect(times(ring)).toEqual([8, 9, 10, 11, 12]);
  });

  it('grows while the oldest sample is younger than retainMs, keeping order across the wrap', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 16, retainMs: 1000 });
    for (let i = 0; i < 4; i++) ring.push(i, i, 0);
    ring.push(4, 4, 0);
    expect(ring.capacity).toBe(8);
    expect(times(ring)).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not grow past its cap, and not for a slow tag whose oldest sample is out of the window', () => {
    const capped = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 6, retainMs: Infinity });
    for (let i = 0; i < 10; i++) capped.push(i, i, 0);
    expect(capped.capacity).toBe(6);
    const slow = new SampleRingBuffer({ initialCapacity: 4, maxCapacity: 16, retainMs: 1000 });
    for (let i = 0; i < 10; i++) slow.push(i * 1000, i, 0);
    expect(slow.capacity).toBe(4);
    expect(times(slow)).toEqual([6000, 7000, 8000, 9000]);
  });

  it('counts every stored sample, so a reader can tell which are new', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 2, maxCapacity: 2 });
    for (let i = 0; i < 5; i++) ring.push(i, i, 0);
    expect(ring.stored).toBe(5);
    expect(ring.rewrites).toBe(0);
  });

  it('slots a sample that arrives a little late into time order and says the past changed', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 3, maxCapacity: 100 });
    for (const t of [10, 20, 30, 40]) ring.push(t, t, 0);
    expect(ring.push(25, -1, 0)).toBe(true);
    expect(ring.push(40, -2, 0)).toBe(true);
    expect(contents(ring).map(([t, v]) => [t, v])).toEqual([
      [10, 10],
      [20, 20],
      [25, -1],
      [30, 30],
      [40, 40],
      [40, -2],
    ]);
    expect(ring.rewrites).toBe(1);
    expect(ring.stored).toBe(6);
  });

  it('refuses a sample older than the newest MAX_INSERT_DEPTH, storing nothing', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 256, maxCapacity: 256 });
    for (let i = 0; i < 100; i++) ring.push(i, i, 0);
    expect(ring.push(100 - MAX_INSERT_DEPTH - 1.5, 0, 0)).toBe(false);
    expect(ring.push(100 - MAX_INSERT_DEPTH + 0.5, 0, 0)).toBe(true);
    expect(ring.length).toBe(101);
  });

  it('refuses a late sample older than everything a full ring holds', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 3, maxCapacity: 3 });
    for (const t of [10, 20, 30]) ring.push(t, t, 0);
    expect(ring.push(5, 0, 0)).toBe(false);
    expect(ring.push(15, 0, 0)).toBe(true);
    expect(times(ring)).toEqual([15, 20, 30]);
  });

  it('gives memory back when its cap or its retention drops', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 64, maxCapacity: 4096, retainMs: Infinity });
    for (let i = 0; i < 4000; i++) ring.push(i, i, 0);
    ring.setLimits({ maxCapacity: 1000, retainMs: Infinity });
    expect(ring.capacity).toBe(1000);
    expect(times(ring).slice(0, 2)).toEqual([3000, 3001]);
    ring.setLimits({ maxCapacity: 1000, retainMs: 99 });
    expect(ring.length).toBe(100);
    expect(ring.capacity).toBeLessThan(1000);
    expect(ring.timeAt(0)).toBe(3900);
  });

  it('rejects nonsense limits', () => {
    expect(() => new SampleRingBuffer({ maxCapacity: 0 })).toThrow(RangeError);
    expect(() => new SampleRingBuffer({ retainMs: Number.NaN })).toThrow(RangeError);
  });

  it('is empty after clear, tells readers, and accepts new samples', () => {
    const ring = new SampleRingBuffer({ initialCapacity: 2 });
    ring.push(1, 1, 0);
    ring.push(2, 2, 0);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.rewrites).toBe(1);
    ring.push(3, 3, 0);
    expect(contents(ring)).toEqual([[3, 3, 0]]);
  });
});
