import { AttributeIds, DataType, makeBrowsePath, NodeClass, StatusCodes, type ClientSession, type DataValue, type NodeId, type ReadValueIdOptions } from 'node-opcua';
import type { EuRange } from '../../shared/contract.js';
import { inBatches, type OperationLimits } from './read-operation-limits.js';

export interface TagMetadata {
  readonly unit: string;
  readonly euRange: EuRange | null;
  readonly dataType: string;
  readonly writable: boolean;
  readonly description: string;
  /** UserAccessLevel's HistoryRead bit: the server keeps this tag's history and lets this user read it. */
  readonly historyRead: boolean;
}

/** The metadata of one tag, or why it cannot be a tag (an unknown NodeId, a node of the wrong class). */
export type TagMetadataResult = { readonly ok: true; readonly metadata: TagMetadata } | { readonly ok: false; readonly status: number; readonly reason: string };

// AccessLevel bits 1 (CurrentWrite) and 2 (HistoryRead); UserAccessLevel applies them to this session's user.
const CURRENT_WRITE = 0x02;
const HISTORY_READ = 0x04;
const ATTRIBUTES_PER_NODE = 5;

/** ValueRank 0 and above has dimensions (-1 scalar, -2 any, -3 scalar or one dimension): the renderer refuses such a tag as a pen. */
function isArrayRank(valueRank: unknown): boolean {
  return typeof valueRank === 'number' && valueRank >= 0;
}

/**
 * Reads what an operator needs beside a value: unit, range, type, whether
 * the current user may write it and whether the server keeps its history, in
 * as few requests as the server's limits allow.
 * The EngineeringUnits and EURange properties are found by browse path, which
 * works on any server, not just ours.
 */
export async function readTagMetadata(session: ClientSession, nodeIds: readonly string[], limits: OperationLimits): Promise<TagMetadataResult[]> {
  const attributes = await readInBatches(
    session,
    nodeIds.flatMap((nodeId) => [
      { nodeId, attributeId: AttributeIds.NodeClass },
      { nodeId, attributeId: AttributeIds.DataType },
      { nodeId, attributeId: AttributeIds.UserAccessLevel },
      { nodeId, attributeId: AttributeIds.Description },
      { nodeId, attributeId: AttributeIds.ValueRank },
    ]),
    limits.maxNodesPerRead,
  );
  const propertyIds = await translateInBatches(
    session,
    nodeIds.flatMap((nodeId) => [makeBrowsePath(nodeId, '/EngineeringUnits'), makeBrowsePath(nodeId, '/EURange')]),
    limits.maxNodesPerTranslate,
  );
  const found = propertyIds.filter((id): id is NodeId => id !== null);
  const propertyValues = await readInBatches(session, found.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })), limits.maxNodesPerRead);
  const valueOf = new Map(found.map((id, i) => [id.toString(), propertyValues[i]]));
  const property = (i: number) => {
    const id = propertyIds[i];
    return id ? valueOf.get(id.toString())?.value.value : undefined;
  };

  return nodeIds.map((_, i) => {
    const [nodeClass, dataType, access, description, valueRank] = attributes.slice(ATTRIBUTES_PER_NODE * i, ATTRIBUTES_PER_NODE * (i + 1));
    if (!nodeClass || !nodeClass.statusCode.isGood()) {
      const status = nodeClass?.statusCode ?? StatusCodes.BadInternalError;
      return { ok: false, status: status.value >>> 0, reason: status.name };
    }
    if (nodeClass.value.value !== NodeClass.Variable) {
      const name = NodeClass[nodeClass.value.value as number] ?? 'unknown node class';
      return { ok: false, status: StatusCodes.BadNodeClassInvalid.value >>> 0, reason: `it is ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}, not a Variable` };
    }
    if (!dataType || !dataType.statusCode.isGood()) {
      const status = dataType?.statusCode ?? StatusCodes.BadInternalError;
      return { ok: false, status: status.value >>> 0, reason: status.name };
    }
    return {
      ok: true,
      metadata: {
        dataType: dataTypeName(dataType.value.value as NodeId) + (isArrayRank(valueRank?.value.value) ? '[]' : ''),
        writable: hasAccess(access, CURRENT_WRITE),
        historyRead: hasAccess(access, HISTORY_READ),
        description: description?.value.value?.text ?? '',
        unit: unitText(property(2 * i)),
        euRange: rangeOf(property(2 * i + 1)),
      },
    };
  });
}

function hasAccess(access: DataValue | undefined, bit: number): boolean {
  return typeof access?.value.value === 'number' && (access.value.value & bit) !== 0;
}

export async function readInBatches(session: ClientSession, nodes: ReadValueIdOptions[], size: number): Promise<DataValue[]> {
  const results: DataValue[] = [];
  for (const batch of inBatches(nodes, size)) results.push(...(await session.read(batch)));
  return results;
}

async function translateInBatches(session: ClientSession, paths: ReturnType<typeof makeBrowsePath>[], size: number): Promise<(NodeId | null)[]> {
  const ids: (NodeId | null)[] = [];
  for (const batch of inBatches(paths, size)) {
    const results = await session.translateBrowsePath(batch);
    for (const result of results) ids.push(result.statusCode.isGood() ? (result.targets?.[0]?.targetId ?? null) : null);
  }
  return ids;
}

/** Built-in types by name; anything else (a structure, a server-defined subtype) by its NodeId. */
export function dataTypeName(dataTypeId: NodeId | null | undefined): string {
  if (!dataTypeId) return '';
  const builtIn = dataTypeId.namespace === 0 && typeof dataTypeId.value === 'number' ? DataType[dataTypeId.value] : undefined;
  return builtIn ?? dataTypeId.toString();
}

export function unitText(euInformation: unknown): string {
  const text = (euInformation as { displayName?: { text?: unknown } } | undefined)?.displayName?.text;
  return typeof text === 'string' ? text : '';
}

export function rangeOf(range: unknown): EuRange | null {
  const r = range as { low?: unknown; high?: unknown } | undefined;
  return typeof r?.low === 'number' && typeof r.high === 'number' ? { low: r.low, high: r.high } : null;
}
