import { AttributeIds, VariableIds, type ClientSession } from 'node-opcua';

/** How many items the server takes per request; a server that says 0 has no limit. */
export interface OperationLimits {
  readonly maxNodesPerRead: number;
  readonly maxNodesPerTranslate: number;
  readonly maxMonitoredItemsPerCall: number;
  readonly maxNodesPerBrowse: number;
}

/**
 * Even a server with no stated limit has a message size, so we never send
 * more than this in one request; 1000 items of either kind fit easily.
 */
export const DEFAULT_BATCH = 1000;

const limitNodes = [
  VariableIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerRead,
  VariableIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerTranslateBrowsePathsToNodeIds,
  VariableIds.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall,
  VariableIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerBrowse,
];

export async function readOperationLimits(session: ClientSession): Promise<OperationLimits> {
  const values = await session.read(limitNodes.map((id) => ({ nodeId: `i=${id}`, attributeId: AttributeIds.Value })));
  const [read, translate, monitored, browse] = values.map((dv) => batchSize(dv.statusCode.isGood() ? dv.value.value : 0));
  return {
    maxNodesPerRead: read ?? DEFAULT_BATCH,
    maxNodesPerTranslate: translate ?? DEFAULT_BATCH,
    maxMonitoredItemsPerCall: monitored ?? DEFAULT_BATCH,
    maxNodesPerBrowse: browse ?? DEFAULT_BATCH,
  };
}

export function batchSize(serverLimit: unknown): number {
  return typeof serverLimit === 'number' && serverLimit > 0 ? Math.min(serverLimit, DEFAULT_BATCH) : DEFAULT_BATCH;
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
