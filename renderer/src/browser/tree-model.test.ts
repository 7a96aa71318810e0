import { describe, expect, it } from 'vitest';
import type { BrowsedNode } from '../../../shared/api/connection-api.js';
import { EMPTY_TREE, ROOT, setChildren, toggle, toLoad, visibleRows } from './tree-model.js';

const node = (nodeId: string, nodeClass: BrowsedNode['nodeClass'] = 'Object'): BrowsedNode => ({ nodeId, browseName: nodeId, displayName: nodeId, nodeClass });

describe('the lazy browse tree', () => {
  it('asks for the root first, then for each node the first time it is opened', () => {
    expect(toLoad(EMPTY_TREE)).toEqual([ROOT]);
    let tree = setChildren(EMPTY_TREE, ROOT, { state: 'loaded', nodes: [node('A'), node('B')], truncated: false });
    expect(toLoad(tree)).toEqual([]);
    tree = toggle(tree, 'A');
    expect(toLoad(tree)).toEqual(['A']);
    tree = setChildren(tree, 'A', { state: 'loading' });
    expect(toLoad(tree)).toEqual([]);
  });

  it('draws open nodes’ children below them, indented, and hides them when closed', () => {
    let tree = setChildren(EMPTY_TREE, ROOT, { state: 'loaded', nodes: [node('A'), node('B')], truncated: false });
    tree = setChildren(toggle(tree, 'A'), 'A', { state: 'loaded', nodes: [node('A.1', 'Variable')], truncated: false });
    expect(visibleRows(tree).map((r) => [r.node.nodeId, r.depth])).toEqual([['A', 0], ['A.1', 1], ['B', 0]]);
    expect(visibleRows(toggle(tree, 'A')).map((r) => r.node.nodeId)).toEqual(['A', 'B']);
  });

  it('draws a node reached twice (a reference cycle) only once', () => {
    let tree = setChildren(EMPTY_TREE, ROOT, { state: 'loaded', nodes: [node('A')], truncated: false });
    tree = setChildren(toggle(tree, 'A'), 'A', { state: 'loaded', nodes: [node('A')], truncated: false });
    expect(visibleRows(tree).map((r) => r.node.nodeId)).toEqual(['A']);
  });
});
