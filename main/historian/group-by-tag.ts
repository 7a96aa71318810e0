import type { BatchColumns } from './worker-protocol.js';

/**
 * A batch's samples reordered so each tag's are contiguous, in the order the
 * batch had them; times rounded to whole ms. Group g is [start[g], start[g + 1]).
 */
export interface TagGroups {
  readonly ids: readonly number[];
  readonly start: Int32Array;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Uint32Array;
  /** Samples of no known tag, or with a time that is not a finite number. */
  readonly rejected: number;
}

/**
 * One counting sort into typed columns. Per-tag JS arrays cost the writer a
 * young-generation collection in the middle of every batch, which copied the
 * whole batch it was still holding; typed columns are a few allocations and
 * their contents are never copied by the collector.
 * `idOf` maps a batch tag key to a tag id, or -1 when it has none; two keys
 * of one id share a group.
 */
export function groupByTag(batch: BatchColumns, idOf: (key: number) => number): TagGroups {
  const { count, tag, time } = batch;
  const groupOf = new Int32Array(count);
  const groupOfKey = new Map<number, number>();
  const groupOfId = new Map<number, number>();
  const ids: number[] = [];
  const sizes: number[] = [];
  let rejected = 0;
  let lastKey = -1;
  let lastGroup: number | undefined;
  for (let i = 0; i < count; i++) {
    const key = tag[i]!;
    // A publish brings each tag's queued samples one after another: most samples skip the lookup.
    let group = key === lastKey ? lastGroup : groupOfKey.get(key);
    if (group === undefined) {
      const id = idOf(key);
      group = id < 0 ? -1 : groupOfId.get(id);
      if (group === undefined) {
        group = ids.length;
        groupOfId.set(id, group);
        ids.push(id);
        sizes.push(0);
      }
      groupOfKey.set(key, group);
    }
    lastKey = key;
    lastGroup = group;
    if (group < 0 || !Number.isFinite(time[i]!)) {
      groupOf[i] = -1;
      rejected++;
      continue;
    }
    groupOf[i] = group;
    sizes[group]!++;
  }
  const start = new Int32Array(ids.length + 1);
  for (let g = 0; g < ids.length; g++) start[g + 1] = start[g]! + sizes[g]!;
  const next = start.slice(0, ids.length);
  const kept = count - rejected;
  const out = { time: new Float64Array(kept), value: new Float64Array(kept), status: new Uint32Array(kept) };
  for (let i = 0; i < count; i++) {
    const group = groupOf[i]!;
    if (group < 0) continue;
    const at = next[group]!++;
    out.time[at] = Math.round(time[i]!);
    out.value[at] = batch.value[i]!;
    out.status[at] = batch.status[i]!;
  }
  return { ids, start, ...out, rejected };
}
