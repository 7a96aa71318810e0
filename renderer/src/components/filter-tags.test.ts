import { describe, expect, it } from 'vitest';
import { makeTagInfo } from '../test-support/make-tag-info.js';
import { filterTags } from './filter-tags.js';

describe('filterTags', () => {
  const tags = [makeTagInfo(0, { name: 'Boiler.Temperature' }), makeTagInfo(1, { name: 'Pump.Running' })];

  it('matches names case-insensitively', () => {
    expect(filterTags(tags, '  boiler ').map((tag) => tag.index)).toEqual([0]);
  });

  it('matches the display name the table shows as well', () => {
    const named = [...tags, makeTagInfo(2, { name: 'FT101', displayName: 'Feed flow' })];
    expect(filterTags(named, 'feed').map((tag) => tag.index)).toEqual([2]);
  });

  it('returns the same list for an empty filter', () => {
    expect(filterTags(tags, ' ')).toBe(tags);
  });
});
