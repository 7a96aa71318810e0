import type { TagInfo } from '../../../shared/contract.js';

export interface DataTypeChange {
  readonly from: string;
  readonly to: string;
  readonly at: number;
}

export interface SeenDataTypes {
  /** The type each tag had when first known. */
  readonly first: Readonly<Record<string, string>>;
  /** The latest change per tag, for the legend to say the older part of the line meant something else. */
  readonly changes: Readonly<Record<string, DataTypeChange>>;
}

export const NO_DATA_TYPES: SeenDataTypes = { first: {}, changes: {} };

/** Notes each pen tag's data type; a tag whose known type becomes another known type is a change. Same object when nothing moved. */
export function noteDataTypes(seen: SeenDataTypes, tags: readonly TagInfo[], now: number): SeenDataTypes {
  let first: Record<string, string> | null = null;
  let changes: Record<string, DataTypeChange> | null = null;
  for (const tag of tags) {
    if (tag.dataType === '') continue;
    const known = (first ?? seen.first)[tag.id];
    if (known === undefined) {
      first ??= { ...seen.first };
      first[tag.id] = tag.dataType;
    } else if (known !== tag.dataType) {
      first ??= { ...seen.first };
      changes ??= { ...seen.changes };
      first[tag.id] = tag.dataType;
      changes[tag.id] = { from: known, to: tag.dataType, at: now };
    }
  }
  return first === null ? seen : { first, changes: changes ?? seen.changes };
}
