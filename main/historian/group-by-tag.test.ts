import { describe, expect, it } from 'vitest';
import { groupByTag } from './group-by-tag.js';

function batch(rows: [key: number, time: number, value: number][]) {
  return {
    count: rows.length,
    tag: Uint32Array.from(rows, (r) => r[0]),
    time: Float64Array.from(rows, (r) => r[1]),
    value: Float64Array.from(rows, (r) => r[2]),
    status: Uint32Array.from(rows, (r) => r[2] * 10),
  };
}

const group = (groups: ReturnType<typeof groupByTag>, g: number) => {
  const [from, to] = [groups.start[g]!, groups.start[g + 1]!];
  return { id: groups.ids[g], time: Array.from(groups.time.subarray(from, to)), value: Array.from(groups.value.subarray(from, to)), status: Array.from(groups.status.subarray(from, to)) };
};

describe('groupByTag', () => {
  it('makes each tag one run in the order the batch had its samples, out-of-order times included', () => {
    const groups = groupByTag(batch([[0, 30, 1], [1, 10, 2], [0, 20, 3], [1, 40, 4], [0, 50, 5]]), (key) => key + 7);
    expect(groups.ids).toEqual([7, 8]);
    expect(group(groups, 0)).toEqual({ id: 7, time: [30, 20, 50], value: [1, 3, 5], status: [10, 30, 50] });
    expect(group(groups, 1)).toEqual({ id: 8, time: [10, 40], value: [2, 4], status: [20, 40] });
    expect(groups.rejected).toBe(0);
  });

  it('puts two keys of one tag in one group and rounds times to whole ms', () => {
    const groups = groupByTag(batch([[0, 10.4, 1], [5, 20.6, 2], [0, 30, 3]]), () => 1);
    expect(groups.ids).toEqual([1]);
    expect(group(groups, 0).time).toEqual([10, 21, 30]);
  });

  it('rejects samples of an unknown tag and times that are not finite, keeping the rest', () => {
    const groups = groupByTag(batch([[0, Number.NaN, 1], [9, 10, 2], [0, 20, 3], [0, Number.POSITIVE_INFINITY, 4]]), (key) => (key === 9 ? -1 : 3));
    expect(groups.rejected).toBe(3);
    expect(groups.ids).toEqual([3]);
    expect(group(groups, 0)).toEqual({ id: 3, time: [20], value: [3], status: [30] });
  });
});
