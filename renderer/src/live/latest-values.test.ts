import { describe, expect, it } from 'vitest';
import { LatestValues } from './latest-values.js';

describe('LatestValues', () => {
  it('grows to hold any tag index, keeping what it had', () => {
    const table = new LatestValues();
    table.set(3, 100, 1.5, 0);
    table.set(5000, 200, 2.5, 0x80310000);
    expect(table.has(3)).toBe(true);
    expect([table.time(3), table.value(3), table.status(3)]).toEqual([100, 1.5, 0]);
    expect([table.time(5000), table.value(5000), table.status(5000)]).toEqual([200, 2.5, 0x80310000]);
  });

  it('tells a tag that never had a sample from one whose value is 0', () => {
    const table = new LatestValues();
    table.set(1, 0, 0, 0);
    expect(table.has(0)).toBe(false);
    expect(table.has(1)).toBe(true);
    expect(table.has(99)).toBe(false);
  });

  it('forgets every tag on clear', () => {
    const table = new LatestValues();
    table.set(1, 1, 1, 0);
    table.clear();
    expect(table.has(1)).toBe(false);
  });
});
