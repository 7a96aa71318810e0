import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { BrowsedNode, FindNodesResult } from '../../../shared/api/connection-api.js';
import { useAppState } from '../components/use-app-state.js';
import { useConnectionApi } from '../connections/use-connection-api.js';
import { useMayEditServers } from '../connections/use-may-edit-servers.js';
import { errorMessage } from '../session/error-message.js';
import { AttributePanel } from './AttributePanel.js';
import { encodeDraggedNode, NODE_MIME } from './node-drag.js';
import { canExpand, EMPTY_TREE, ROOT, setChildren, toggle, toLoad, visibleRows, type TreeState } from './tree-model.js';
import { useAddNode } from './use-add-node.js';
import { useNodeDrop } from './use-node-drop.js';

type Search = { readonly state: 'idle' } | { readonly state: 'searching' } | { readonly state: 'done'; readonly result: FindNodesResult } | { readonly state: 'failed'; readonly error: string };

/**
 * One server's address space: a tree from Objects that loads each level
 * when opened, a search by browse name, and the selected node's attributes.
 * A variable becomes a tag by its buttons or by dragging it onto the tag
 * table or the trend.
 */
export function AddressSpaceBrowser({ onClose }: { readonly onClose: () => void }) {
  const api = useConnectionApi();
  const connections = useAppState((state) => state.connections);
  const [connectionId, setConnectionId] = useState(() => connections.find((c) => c.state === 'connected')?.id ?? connections[0]?.id ?? '');
  // A reply that comes after the user picked another server belongs to the old one's tree, not this one.
  const shownConnection = useRef(connectionId);
  shownConnection.current = connectionId;
  const stillShown = (id: string) => shownConnection.current === id;
  const [tree, setTree] = useState<TreeState>(EMPTY_TREE);
  const [selected, setSelected] = useState<BrowsedNode | null>(null);
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const addNode = useAddNode();
  const mayAdd = useMayEditServers();
  useNodeDrop(mayAdd ? (node, target) => void addNode(node, target) : null);

  useEffect(() => {
    setTree(EMPTY_TREE);
    setSelected(null);
    setSearch({ state: 'idle' });
  }, [connectionId]);

  useEffect(() => {
    if (connectionId === '') return;
    for (const nodeId of toLoad(tree)) {
      setTree((current) => setChildren(current, nodeId, { state: 'loading' }));
      api
        .browseNode({ connectionId, ...(nodeId !== ROOT && { nodeId }) })
        .then((result) => stillShown(connectionId) && setTree((current) => setChildren(current, nodeId, { state: 'loaded', nodes: result.nodes, truncated: result.truncated })))
        .catch((error: unknown) => stillShown(connectionId) && setTree((current) => setChildren(current, nodeId, { state: 'failed', error: errorMessage(error) })));
    }
  }, [api, connectionId, tree]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    setSearch({ state: 'searching' });
    const searched = connectionId;
    try {
      const result = await api.findNodes({ connectionId: searched, text: text.trim() });
      if (stillShown(searched)) setSearch({ state: 'done', result });
    } catch (error) {
      if (stillShown(searched)) setSearch({ state: 'failed', error: errorMessage(error) });
    }
  };

  const root = tree.children.get(ROOT);
  const dragStart = (node: BrowsedNode) => (event: DragEvent) => {
    event.dataTransfer.setData(NODE_MIME, encodeDraggedNode({ connectionId, nodeId: node.nodeId, name: node.displayName }));
    event.dataTransfer.effectAllowed = 'copy';
  };
  const nodeButton = (node: BrowsedNode, label: string) => (
    <button
      type="button"
      className="node-label"
      data-testid="tree-node"
      data-node-id={node.nodeId}
      data-node-class={node.nodeClass}
      aria-current={selected?.nodeId === node.nodeId}
      draggable={mayAdd && node.nodeClass === 'Variable'}
      onDragStart={dragStart(node)}
      onClick={() => setSelected(node)}
      title={node.nodeClass === 'Variable' ? `${node.nodeId} — drag onto the tag table or the trend` : node.nodeId}
    >
      <span className="node-class" aria-hidden="true">
        {nodeClassIcon(node)}
      </span>
      {label}
    </button>
  );

  return (
    <aside className="address-browser" data-testid="address-browser" aria-label="Address space">
      <header className="address-browser-header">
        <label>
          Server
          <select data-testid="browser-connection" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.state})
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose} aria-label="Close the address-space browser">
          ×
        </button>
      </header>
      <form className="field-row" onSubmit={(e) => void find(e)}>
        <input type="search" data-testid="browser-search" placeholder="Find by browse name" aria-label="Find nodes by browse name" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={search.state === 'searching'}>
          Find
        </button>
      </form>
      {search.state === 'failed' && <p className="dialog-error" role="alert">✖ {search.error}</p>}
      {search.state === 'done' && (
        <ul className="search-results" data-testid="search-results">
          {search.result.nodes.length === 0 && <li className="hint">Nothing named like “{text}”</li>}
          {search.result.nodes.map((node) => (
            <li key={node.nodeId}>
              {nodeButton(node, node.displayName)}
              <span className="node-path">{node.path.join(' / ')}</span>
            </li>
          ))}
          {search.result.truncated && <li className="hint">More may exist: the search stopped at its limit</li>}
        </ul>
      )}
      <div className="browse-tree" role="tree" aria-label="Objects">
        {root?.state === 'loading' && <p className="hint">Browsing…</p>}
        {root?.state === 'failed' && <p className="dialog-error" role="alert">✖ {root.error}</p>}
        {visibleRows(tree).map(({ node, depth, expanded, children }) => (
          <div key={node.nodeId} role="treeitem" aria-expanded={canExpand(node) ? expanded : undefined} aria-level={depth + 1} className="tree-row" style={{ paddingLeft: `${depth * 14}px` }}>
            {canExpand(node) ? (
              <button type="button" className="tree-expand" data-testid="tree-expand" data-node-id={node.nodeId} aria-label={expanded ? `Close ${node.displayName}` : `Open ${node.displayName}`} onClick={() => setTree((t) => toggle(t, node.nodeId))}>
                {expanded ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tree-expand" />
            )}
            {nodeButton(node, node.displayName)}
            {expanded && children?.state === 'failed' && <span className="dialog-error"> ✖ {children.error}</span>}
            {expanded && children?.state === 'loaded' && children.nodes.length === 0 && <span className="hint"> (empty)</span>}
            {expanded && children?.state === 'loaded' && children.truncated && <span className="hint"> (first {children.nodes.length} shown)</span>}
          </div>
        ))}
      </div>
      {selected && <AttributePanel connectionId={connectionId} nodeId={selected.nodeId} onAdd={(target, name) => void addNode({ connectionId, nodeId: selected.nodeId, name }, target)} />}
    </aside>
  );
}

/** A shape per class, so the tree does not rely on colour to tell a variable from a folder. */
function nodeClassIcon(node: BrowsedNode): string {
  switch (node.nodeClass) {
    case 'Object':
      return '▣';
    case 'Variable':
      return '◆';
    case 'Method':
      return 'ƒ';
    case 'View':
      return '◎';
    default:
      return '·';
  }
}
