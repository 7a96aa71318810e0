import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.js';

const analog = (low: number, high: number) => ({ dataType: 'Double', euRange: { low, high } });

describe('formatValue', () => {
  it('shows booleans as ON and OFF', () => {
    expect(formatValue(1, { dataType: 'Boolean', euRange: null })).toBe('ON');
    expect(formatValue(0, { dataType: 'Boolean', euRange: null })).toBe('OFF');
  });

  it('takes decimals from the engineering range so the width does not jump', () => {
    expect(formatValue(42.123456, analog(0, 100))).toBe('42.1');
    expect(formatValue(5, analog(0, 100))).toBe('5.0');
    expect(formatValue(1234.56, analog(0, 5000))).toBe('1235');
    expect(formatValue(0.123456, analog(0, 1))).toBe('0.123');
    expect(formatValue(0.0012345, analog(0, 0.01))).toBe('0.00123');
  });

  it('uses the project’s decimals over the range’s, for analog values only', () => {
    expect(formatValue(42.123456, { ...analog(0, 100), decimals: 3 })).toBe('42.123');
    expect(formatValue(42.6, { ...analog(0, 100), decimals: 0 })).toBe('43');
    expect(formatValue(1, { dataType: 'Boolean', euRange: null, decimals: 2 })).toBe('ON');
    expect(formatValue(7, { dataType: 'Int32', euRange: null, decimals: 2 })).toBe('7');
  });

  it('falls back to the value magnitude without a range', () => {
    expect(formatValue(3.14159, { dataType: 'Float', euRange: null })).toBe('3.142');
    expect(formatValue(0, { dataType: 'Float', euRange: null })).toBe('0');
    expect(formatValue(-250.5, { dataType: 'Double', euRange: null })).toBe('-250.5');
  });

  it('shows integers without decimals', () => {
    expect(formatValue(17, { dataType: 'Int32', euRange: analog(0, 1).euRange })).toBe('17');
  });

  it('names non-finite values instead of printing garbage', () => {
    expect(formatValue(Number.NaN, analog(0, 1))).toBe('NaN');
    expect(formatValue(Number.POSITIVE_INFINITY, analog(0, 1))).toBe('+∞');
    expect(formatValue(Number.NEGATIVE_INFINITY, analog(0, 1))).toBe('−∞');
  });
});
