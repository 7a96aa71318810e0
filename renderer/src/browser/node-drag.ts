/** The drag payload type: only Tidewatch's own browser produces it. */
export const NODE_MIME = 'application/x-tidewatch-node';

export interface DraggedNode {
  readonly connectionId: string;
  readonly nodeId: string;
  readonly name: string;
}

export type DropTarget = 'table' | 'trend';

export function encodeDraggedNode(node: DraggedNode): string {
  return JSON.stringify(node);
}

/** Null for anything that is not a well-formed payload (a drop can carry text from anywhere). */
export function decodeDraggedNode(text: string): DraggedNode | null {
  try {
    const value = JSON.parse(text) as Partial<Record<keyof DraggedNode, unknown>>;
    if (typeof value.connectionId !== 'string' || typeof value.nodeId !== 'string' || typeof value.name !== 'string') return null;
    return { connectionId: value.connectionId, nodeId: value.nodeId, name: value.name };
  } catch {
    return null;
  }
}

/** Where a node dropped on `element` goes: onto the trend, or into the tag table. */
export function dropTargetOf(element: Element | null): DropTarget | null {
  if (element?.closest('[data-testid="trend"]')) return 'trend';
  if (element?.closest('.tag-table')) return 'table';
  return null;
}
