import { resolveNodeId, type NodeId } from 'node-opcua';

/** A NodeId from its text form, or an error that shows what one looks like. */
export function parseNodeId(text: string): NodeId {
  let nodeId: NodeId;
  try {
    nodeId = resolveNodeId(text);
  } catch {
    throw new Error(`${JSON.stringify(text)} is not a NodeId (expected e.g. ns=2;s=Tank1.Level or i=85)`);
  }
  if (nodeId.isEmpty()) throw new Error(`${JSON.stringify(text)} is not a NodeId (it is empty)`);
  return nodeId;
}
