import { describe, expect, it } from 'vitest';
import { queueSizeFor } from './queue-size-for.js';

describe('queueSizeFor', () => {
  it('holds two publishing intervals of samples, so a 100 Hz signal loses nothing at 100 ms publishing', () => {
    expect(queueSizeFor(10, 100)).toBe(20);
  });
  it('never goes below 2, even for slow tags', () => {
    expect(queueSizeFor(1000, 100)).toBe(2);
    expect(queueSizeFor(0, 100)).toBe(2);
  });
});
