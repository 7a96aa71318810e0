import type { TagInfo } from '../../shared/contract.js';
import type { TagDefinition } from './sample-source.js';

/** A tag as the core first knows it: unit, range, type and writability arrive later from the server. */
export function newTagInfo(connectionId: string, index: number, tag: TagDefinition): TagInfo {
  return {
    index,
    id: `${connectionId}/${tag.name}`,
    name: tag.name,
    description: tag.description,
    connectionId,
    nodeId: tag.nodeId,
    unit: '',
    euRange: null,
    dataType: '',
    writable: false,
  };
}
