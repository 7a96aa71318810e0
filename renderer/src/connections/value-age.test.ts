import { describe, expect, it } from 'vitest';
import { formatAge } from './value-age.js';

describe('formatAge', () => {
  it('gets coarser as values get older', () => {
    expect([400, 9_960, 12_000, 185_000, 3 * 3600_000, 50 * 3600_000].map(formatAge)).toEqual(['0.4 s', '10.0 s', '12 s', '3 min', '3 h', '2 d']);
  });

  it('shows a value from a clock slightly ahead as fresh, and nothing for no time', () => {
    expect(formatAge(-250)).toBe('0.0 s');
    expect(formatAge(Number.NaN)).toBe('');
  });
});
