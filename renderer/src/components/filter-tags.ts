import type { TagInfo } from '../../../shared/contract.js';

/** Case-insensitive substring match on the tag name or the display name shown; an empty filter shows every tag. */
export function filterTags(tags: readonly TagInfo[], filter: string): readonly TagInfo[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return tags;
  return tags.filter((tag) => tag.name.toLowerCase().includes(needle) || tag.displayName.toLowerCase().includes(needle));
}
