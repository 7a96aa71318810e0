import { describe, expect, it } from 'vitest';
import { autoRange } from './auto-range.js';

describe('autoRange', () => {
  it('pads the data and widens to round numbers', () => {
    expect(autoRange(null, 12.3, 87.9)).toEqual([0, 100]);
    const [low, high] = autoRange(null, 0.42, 0.47);
    expect(low).toBeCloseTo(0.4, 12);
    expect(high).toBeCloseTo(0.48, 12);
  });

  it('keeps its range while the data moves inside it and fills enough of it', () => {
    const range = autoRange(null, 12.3, 87.9);
    expect(autoRange(range, 20, 80)).toBe(range);
    expect(autoRange(range, 50, 51)).not.toBe(range);
    expect(autoRange(range, 20, 120)[1]).toBeGreaterThanOrEqual(120);
  });

  it('gives a flat line room, and keeps the old range when there is no data', () => {
    const [low, high] = autoRange(null, 5, 5);
    expect(low).toBeLessThan(5);
    expect(high).toBeGreaterThan(5);
    expect(autoRange(null, 0, 0)).toEqual([-1, 1]);
    expect(autoRange([1, 2], Number.NaN, Number.NaN)).toEqual([1, 2]);
    expect(autoRange(null, Number.NaN, Number.NaN)).toEqual([0, 1]);
  });
});
