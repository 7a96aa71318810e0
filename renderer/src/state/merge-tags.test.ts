import { describe, expect, it } from 'vitest';
import { makeTagInfo as tag } from '../test-support/make-tag-info.js';
import { mergeTags } from './merge-tags.js';

describe('mergeTags', () => {
  it('replaces tags by index and adds new ones, in index order', () => {
    const merged = mergeTags([tag(0), tag(2)], [tag(1), tag(2, { unit: '°C' })]);
    expect(merged.map((t) => [t.index, t.unit])).toEqual([
      [0, ''],
      [1, ''],
      [2, '°C'],
    ]);
  });

  it('keeps the same list when nothing came in', () => {
    const current = [tag(0)];
    expect(mergeTags(current, [])).toBe(current);
  });
});
