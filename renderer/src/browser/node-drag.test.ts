import { describe, expect, it } from 'vitest';
import { decodeDraggedNode, encodeDraggedNode } from './node-drag.js';

describe('the dragged node payload', () => {
  it('survives the trip through the drag data', () => {
    const node = { connectionId: 'plc', nodeId: 'ns=1;s=Tank1.Level', name: 'Level' };
    expect(decodeDraggedNode(encodeDraggedNode(node))).toEqual(node);
  });

  it('ignores anything else dropped on the window', () => {
    expect(decodeDraggedNode('https://example.com')).toBeNull();
    expect(decodeDraggedNode('{"connectionId":1}')).toBeNull();
  });
});
