import type { TagInfo } from '../../shared/contract.js';
import type { TagDefinition } from './sample-source.js';
import { tagId } from './tag-id.js';

/** A tag as the core first knows it: range, type, writability and (unless the project gives one) unit arrive later from the server. */
export function newTagInfo(connectionId: string, index: number, tag: TagDefinition): TagInfo {
  return {
    index,
    id: tagId(connectionId, tag.name),
    name: tag.name,
    displayName: tag.displayName ?? tag.name,
    description: tag.description,
    connectionId,
    nodeId: tag.nodeId,
    unit: tag.unit ?? '',
    decimals: tag.decimals ?? null,
    euRange: null,
    dataType: '',
    writable: false,
  };
}
