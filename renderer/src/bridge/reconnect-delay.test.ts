import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay.js';

describe('reconnectDelay', () => {
  it('doubles from a quarter second', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([250, 500, 1000, 2000]);
  });

  it('is capped so a restarted server is found within seconds', () => {
    expect(reconnectDelay(50, () => 1)).toBe(5000);
    expect(reconnectDelay(1e6, () => 1)).toBe(5000);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(reconnectDelay(3, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 0.5)).toBe(1500);
  });
});
