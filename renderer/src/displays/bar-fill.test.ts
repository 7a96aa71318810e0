import { describe, expect, it } from 'vitest';
import { barFill } from './bar-fill.js';

describe('barFill', () => {
  const percent = { low: 0, high: 100 };

  it('fills in proportion to the scale, offsets included', () => {
    expect(barFill(25, percent)).toEqual({ kind: 'level', fraction: 0.25, over: null });
    expect(barFill(15, { low: 10, high: 30 })).toEqual({ kind: 'level', fraction: 0.25, over: null });
  });

  it('pins a value beyond the scale at the end it passed, and says so', () => {
    expect(barFill(130, percent)).toEqual({ kind: 'level', fraction: 1, over: 'high' });
    expect(barFill(-2, percent)).toEqual({ kind: 'level', fraction: 0, over: 'low' });
  });

  it('draws nothing, with the reason, for no value, NaN, infinity or no usable scale', () => {
    expect(barFill(undefined, percent)).toEqual({ kind: 'none', reason: 'no value yet' });
    expect(barFill(Number.NaN, percent)).toEqual({ kind: 'none', reason: 'NaN cannot be drawn' });
    expect(barFill(Number.POSITIVE_INFINITY, percent)).toEqual({ kind: 'none', reason: 'Infinity cannot be drawn' });
    expect(barFill(5, null)).toMatchObject({ kind: 'none', reason: expect.stringContaining('no scale') });
    expect(barFill(5, { low: 3, high: 3 })).toEqual({ kind: 'none', reason: 'the scale 3 to 3 is empty' });
  });
});
