import { describe, expect, it } from 'vitest';
import { makeTagInfo as tag } from '../test-support/make-tag-info.js';
import { trendedTagIndexes } from './trended-tag-indexes.js';

describe('trendedTagIndexes', () => {
  it('maps pen ids to this run’s indexes, skipping tags not known yet', () => {
    expect(trendedTagIndexes(['plant/T5', 'gone/X', 'plant/T1'], [tag(1), tag(5)])).toEqual([1, 5]);
  });
});
