import type { TagInfo } from '../../../shared/contract.js';

/**
 * Folds a tags event into the list, by index: an event may carry only the tags whose unit or
 * range just became known, and an index never changes meaning while the core runs.
 */
export function mergeTags(current: readonly TagInfo[], incoming: readonly TagInfo[]): readonly TagInfo[] {
  if (incoming.length === 0) return current;
  const byIndex = new Map(current.map((tag) => [tag.index, tag]));
  for (const tag of incoming) byIndex.set(tag.index, tag);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
