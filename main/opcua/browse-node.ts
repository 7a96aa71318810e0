import { BrowseDirection, NodeClass, NodeClassMask, ObjectIds, type ClientSession, type ReferenceDescription } from 'node-opcua';
import type { BrowsedNode, BrowseResult, NodeClassName } from '../../shared/api/connection-api.js';
import { parseNodeId } from './parse-node-id.js';

/** More children than an operator can scan; a server with more is browsed by search. */
export const MAX_CHILDREN = 5_000;

/** What the tree shows: objects to open, variables to pick, methods and views for orientation. */
const SHOWN_CLASSES = NodeClassMask.Object | NodeClassMask.Variable | NodeClassMask.Method | NodeClassMask.View;

export function browseDescription(nodeId: string) {
  return {
    nodeId: parseNodeId(nodeId),
    referenceTypeId: 'HierarchicalReferences',
    includeSubtypes: true,
    browseDirection: BrowseDirection.Forward,
    nodeClassMask: SHOWN_CLASSES,
    resultMask: 0x3f,
  };
}

/** One level of the address space below a node (Objects when none is given), following continuation points. */
export async function browseNode(session: ClientSession, nodeId = `i=${ObjectIds.ObjectsFolder}`): Promise<BrowseResult> {
  const first = await session.browse(browseDescription(nodeId));
  if (!first.statusCode.isGood()) throw new Error(`cannot browse ${nodeId}: ${first.statusCode.name}`);
  const references = [...(first.references ?? [])];
  let continuationPoint = first.continuationPoint;
  while (continuationPoint && continuationPoint.length > 0 && references.length < MAX_CHILDREN) {
    const next = await session.browseNext(continuationPoint, false);
    references.push(...(next.references ?? []));
    continuationPoint = next.continuationPoint;
  }
  const truncated = !!continuationPoint && continuationPoint.length > 0;
  if (truncated) await session.browseNext(continuationPoint, true).catch(() => undefined); // frees the server's continuation point
  return { nodes: references.slice(0, MAX_CHILDREN).map(browsedNode), truncated };
}

export function browsedNode(reference: ReferenceDescription): BrowsedNode {
  return {
    nodeId: reference.nodeId.toString(),
    browseName: reference.browseName?.name ?? '',
    displayName: reference.displayName?.text ?? reference.browseName?.name ?? '',
    nodeClass: nodeClassName(reference.nodeClass),
  };
}

export function nodeClassName(nodeClass: number): NodeClassName {
  return (NodeClass[nodeClass] as NodeClassName | undefined) ?? 'Unspecified';
}
