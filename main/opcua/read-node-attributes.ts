import { AttributeIds, makeBrowsePath, NodeClass, type ClientSession, type NodeId } from 'node-opcua';
import type { NodeAttributes } from '../../shared/api/connection-api.js';
import { nodeClassName } from './browse-node.js';
import { parseNodeId } from './parse-node-id.js';
import { dataTypeName, rangeOf, unitText } from './read-tag-metadata.js';
import { variantText } from './variant-text.js';

const ACCESS_FLAGS = ['CurrentRead', 'CurrentWrite', 'HistoryRead', 'HistoryWrite', 'SemanticChange', 'StatusWrite', 'TimestampWrite'] as const;

const ATTRIBUTES = [
  AttributeIds.NodeClass,
  AttributeIds.BrowseName,
  AttributeIds.DisplayName,
  AttributeIds.Description,
  AttributeIds.DataType,
  AttributeIds.Value,
  AttributeIds.AccessLevel,
] as const;

/** Everything the attribute panel shows for one node, in two requests plus one for its EU properties. */
export async function readNodeAttributes(session: ClientSession, nodeIdText: string): Promise<NodeAttributes> {
  const nodeId = parseNodeId(nodeIdText);
  const [nodeClass, browseName, displayName, description, dataType, value, accessLevel] = await session.read(ATTRIBUTES.map((attributeId) => ({ nodeId, attributeId })));
  if (!nodeClass?.statusCode.isGood()) throw new Error(`node ${nodeIdText}: ${nodeClass?.statusCode.name ?? 'no answer'}`);
  const isVariable = nodeClass.value.value === NodeClass.Variable;
  const [units, range] = isVariable ? await readEuProperties(session, nodeId) : [undefined, undefined];
  const access = typeof accessLevel?.value.value === 'number' ? (accessLevel.value.value as number) : 0;
  return {
    nodeId: nodeId.toString(),
    nodeClass: nodeClassName(nodeClass.value.value as number),
    browseName: (browseName?.value.value as { name?: string } | null)?.name ?? '',
    displayName: (displayName?.value.value as { text?: string } | null)?.text ?? '',
    description: (description?.value.value as { text?: string } | null)?.text ?? '',
    dataType: dataType?.statusCode.isGood() ? dataTypeName(dataType.value.value as NodeId) : '',
    value:
      isVariable && value
        ? {
            text: variantText(value.value),
            status: value.statusCode.value >>> 0,
            statusText: value.statusCode.name,
            sourceTime: value.sourceTimestamp?.getTime() ?? null,
          }
        : null,
    engineeringUnits: unitText(units),
    euRange: rangeOf(range),
    accessLevel: ACCESS_FLAGS.filter((_, bit) => (access & (1 << bit)) !== 0),
  };
}

async function readEuProperties(session: ClientSession, nodeId: NodeId): Promise<[unknown, unknown]> {
  const found = await session.translateBrowsePath([makeBrowsePath(nodeId, '/EngineeringUnits'), makeBrowsePath(nodeId, '/EURange')]);
  const ids = found.map((r) => (r.statusCode.isGood() ? r.targets?.[0]?.targetId : undefined));
  const present = ids.filter((id) => id !== undefined);
  if (present.length === 0) return [undefined, undefined];
  const values = await session.read(present.map((id) => ({ nodeId: id, attributeId: AttributeIds.Value })));
  const valueOf = (id: unknown) => (id === undefined ? undefined : values[present.indexOf(id as (typeof present)[number])]?.value.value);
  return [valueOf(ids[0]), valueOf(ids[1])];
}
