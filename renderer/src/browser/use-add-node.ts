import { useCallback } from 'react';
import { useAppState } from '../components/use-app-state.js';
import { useServices } from '../components/services-context.js';
import { connectionApi } from '../connections/connection-api-client.js';
import { errorMessage } from '../session/error-message.js';
import type { DraggedNode, DropTarget } from './node-drag.js';

/** String NodeIds make readable tag names (Tank1.Level); for the others the display name does better than "i=6021". */
function tagName(node: DraggedNode): string | undefined {
  return /^(ns=\d+;)?s=/.test(node.nodeId) ? undefined : node.name;
}

/**
 * Makes a browsed variable a tag, and for the trend also a pen. Refusals (a
 * node that is not a variable, a server that went away) come back as a
 * notice naming the node.
 */
export function useAddNode(): (node: DraggedNode, target: DropTarget) => Promise<boolean> {
  const { bridge, appStore } = useServices();
  const addNotice = useAppState((state) => state.addNotice);
  return useCallback(
    async (node, target) => {
      try {
        const name = tagName(node);
        const { tags } = await connectionApi(bridge).addTags({ connectionId: node.connectionId, tags: [{ nodeId: node.nodeId, ...(name !== undefined && { name }) }] });
        const tag = tags[0];
        if (!tag) return false;
        const { pens, togglePen } = appStore.getState();
        if (target === 'trend' && !pens.includes(tag.id)) togglePen(tag.id);
        addNotice('info', `${tag.name} added to the ${target === 'trend' ? 'trend' : 'tag table'}`);
        return true;
      } catch (error) {
        addNotice('error', `Could not add ${node.name}: ${errorMessage(error)}`);
        return false;
      }
    },
    [bridge, appStore, addNotice],
  );
}
