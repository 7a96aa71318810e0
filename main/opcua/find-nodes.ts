import { ObjectIds, type BrowseResult as OpcuaBrowseResult, type ClientSession } from 'node-opcua';
import type { FindNodesResult, FoundNode } from '../../shared/api/connection-api.js';
import { browsedNode, browseDescription } from './browse-node.js';
import { inBatches, type OperationLimits } from './read-operation-limits.js';

// A search walks the address space breadth-first; these bound what one search may cost the server.
const MAX_VISITED = 20_000;
const MAX_MATCHES = 200;
const MAX_DEPTH = 12;
/** The Server object's diagnostics are large and never what an operator is looking for. */
const SKIPPED = new Set([`ns=0;i=${ObjectIds.Server}`]);

interface Pending {
  readonly nodeId: string;
  readonly path: readonly string[];
}

/** Nodes under Objects whose browse name contains `text` (case-insensitive), nearest first. */
export async function findNodes(session: ClientSession, text: string, limits: OperationLimits): Promise<FindNodesResult> {
  const needle = text.toLowerCase();
  const matches: FoundNode[] = [];
  const visited = new Set<string>([`ns=0;i=${ObjectIds.ObjectsFolder}`]);
  let level: Pending[] = [{ nodeId: `i=${ObjectIds.ObjectsFolder}`, path: [] }];
  let truncated = false;
  for (let depth = 0; level.length > 0; depth++) {
    if (depth >= MAX_DEPTH) {
      truncated = true;
      break;
    }
    const next: Pending[] = [];
    for (const batch of inBatches(level, limits.maxNodesPerBrowse)) {
      const results: OpcuaBrowseResult[] = await session.browse(batch.map((p) => browseDescription(p.nodeId)));
      results.forEach((result, i) => {
        const parent = batch[i]!;
        for (const reference of result.references ?? []) {
          const node = browsedNode(reference);
          if (visited.has(node.nodeId) || SKIPPED.has(node.nodeId)) continue;
          visited.add(node.nodeId);
          if (node.browseName.toLowerCase().includes(needle)) matches.push({ ...node, path: parent.path });
          next.push({ nodeId: node.nodeId, path: [...parent.path, node.browseName] });
        }
        // A continuation point means more children than one browse returns: release it, and say the search is partial.
        if (result.continuationPoint && result.continuationPoint.length > 0) {
          truncated = true;
          void session.browseNext(result.continuationPoint, true).catch(() => undefined);
        }
      });
      if (matches.length >= MAX_MATCHES || visited.size >= MAX_VISITED) return { nodes: matches.slice(0, MAX_MATCHES), truncated: true };
    }
    level = next;
  }
  return { nodes: matches, truncated };
}
