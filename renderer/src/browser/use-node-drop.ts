import { useEffect } from 'react';
import { decodeDraggedNode, dropTargetOf, NODE_MIME, type DraggedNode, type DropTarget } from './node-drag.js';

/**
 * While the browser is open, the tag table and the trend take dropped
 * nodes. Listening on the document keeps those components unaware of it.
 */
export function useNodeDrop(onDrop: ((node: DraggedNode, target: DropTarget) => void) | null): void {
  useEffect(() => {
    if (onDrop === null) return;
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes(NODE_MIME)) return;
      if (dropTargetOf(event.target as Element | null) === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      const target = dropTargetOf(event.target as Element | null);
      const node = decodeDraggedNode(event.dataTransfer?.getData(NODE_MIME) ?? '');
      if (target === null || node === null) return;
      event.preventDefault();
      onDrop(node, target);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [onDrop]);
}
