import type { LocalAlarm } from './local-alarm.js';

// The engine's kind codes and table builders: evaluation switches on small integers, not strings.
export const HIGH = 0;
export const LOW = 1;
export const DEVIATION = 2;
export const ROC_RISING = 3;
export const ROC_FALLING = 4;
export const ROC_BOTH = 5;
export const OFF_NORMAL = 6;
export const MISMATCH = 7;

export const OPS = ['==', '!=', '<', '<=', '>', '>='] as const;

/** A suppression rule's comparison, by its index in OPS. */
export function compare(value: number, op: number, reference: number): boolean {
  switch (op) {
    case 0:
      return value === reference;
    case 1:
      return value !== reference;
    case 2:
      return value < reference;
    case 3:
      return value <= reference;
    case 4:
      return value > reference;
    default:
      return value >= reference;
  }
}

export function kindCode(alarm: LocalAlarm): number {
  switch (alarm.kind) {
    case 'HH':
    case 'H':
      return HIGH;
    case 'L':
    case 'LL':
      return LOW;
    case 'DEV':
      return DEVIATION;
    case 'ROC':
      return alarm.direction === 'rising' ? ROC_RISING : alarm.direction === 'falling' ? ROC_FALLING : ROC_BOTH;
    case 'OFFNORMAL':
      return OFF_NORMAL;
    case 'MISMATCH':
      return MISMATCH;
  }
}

export function unique(tags: number[]): number[] {
  return [...new Set(tags.filter((tag) => tag >= 0))];
}

/** Compressed rows: for each key (tag), the items that belong to it. */
export function rows(keys: number, items: number, keysOf: (item: number) => number[]): [Int32Array, Int32Array] {
  const lists: number[][] = Array.from({ length: keys }, () => []);
  for (let item = 0; item < items; item++) for (const key of keysOf(item)) lists[key]?.push(item);
  return flatten(lists);
}

export function flatten(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i]! + list.length));
  return [start, Int32Array.from(lists.flat())];
}
