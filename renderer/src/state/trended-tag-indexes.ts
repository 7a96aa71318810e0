import type { TagInfo } from '../../../shared/contract.js';

/** Pens are kept by tag id, which survives a core restart; main wants the indexes of this run. */
export function trendedTagIndexes(pens: readonly string[], tags: readonly TagInfo[]): number[] {
  const indexById = new Map(tags.map((tag) => [tag.id, tag.index]));
  const indexes: number[] = [];
  for (const pen of pens) {
    const index = indexById.get(pen);
    if (index !== undefined) indexes.push(index);
  }
  return indexes.sort((a, b) => a - b);
}
