import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  it('doubles from the first delay up to the cap, and stays there for ever', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, 250, 5000))).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    expect(retryDelay(10_000, 250, 5000)).toBe(5000);
  });
});
