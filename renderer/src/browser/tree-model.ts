import type { BrowsedNode } from '../../../shared/api/connection-api.js';

export type Children =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly nodes: readonly BrowsedNode[]; readonly truncated: boolean }
  | { readonly state: 'failed'; readonly error: string };

/** A lazily browsed tree: children are fetched the first time a node is opened, then kept. */
export interface TreeState {
  readonly children: ReadonlyMap<string, Children>;
  readonly expanded: ReadonlySet<string>;
}

/** The Objects folder, browsed when no node is given. */
export const ROOT = '';

export const EMPTY_TREE: TreeState = { children: new Map(), expanded: new Set([ROOT]) };

export interface TreeRow {
  readonly node: BrowsedNode;
  readonly depth: number;
  readonly expanded: boolean;
  readonly children: Children | undefined;
}

/** Objects and views hold the tree; variables may hold properties (EURange, EngineeringUnits). */
export function canExpand(node: BrowsedNode): boolean {
  return node.nodeClass === 'Object' || node.nodeClass === 'View' || node.nodeClass === 'Variable';
}

export function toggle(tree: TreeState, nodeId: string): TreeState {
  const expanded = new Set(tree.expanded);
  if (expanded.has(nodeId)) expanded.delete(nodeId);
  else expanded.add(nodeId);
  return { ...tree, expanded };
}

export function setChildren(tree: TreeState, nodeId: string, children: Children): TreeState {
  return { ...tree, children: new Map(tree.children).set(nodeId, children) };
}

/** Opened nodes whose children were never asked for (a failed browse is retried only by closing and opening). */
export function toLoad(tree: TreeState): string[] {
  return [...tree.expanded].filter((nodeId) => !tree.children.has(nodeId));
}

/** The rows to draw, depth first, under the open nodes. A node seen twice (a cycle of references) is drawn once. */
export function visibleRows(tree: TreeState, parent = ROOT, depth = 0, seen: Set<string> = new Set()): TreeRow[] {
  const children = tree.children.get(parent);
  if (children?.state !== 'loaded') return [];
  const rows: TreeRow[] = [];
  for (const node of children.nodes) {
    if (seen.has(node.nodeId)) continue;
    seen.add(node.nodeId);
    const expanded = tree.expanded.has(node.nodeId);
    rows.push({ node, depth, expanded, children: tree.children.get(node.nodeId) });
    if (expanded) rows.push(...visibleRows(tree, node.nodeId, depth + 1, seen));
  }
  return rows;
}
