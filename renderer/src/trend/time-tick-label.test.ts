import { describe, expect, it } from 'vitest';
import { timeTickLabel } from './time-tick-label.js';

describe('timeTickLabel', () => {
  const t = new Date(2026, 2, 4, 13, 7, 9, 250).getTime();

  it('shows as much of the time as the tick spacing needs', () => {
    expect(timeTickLabel(t, 200)).toBe('07:09.250');
    expect(timeTickLabel(t, 5000)).toBe('13:07:09');
    expect(timeTickLabel(t, 600_000)).toBe('13:07');
    expect(timeTickLabel(t, 86_400_000)).toBe('03-04');
  });
});
