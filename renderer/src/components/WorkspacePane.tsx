import { DisplayPanel } from '../displays/DisplayPanel.js';
import { useDisplayState, useDisplayStore } from '../displays/display-context.js';
import { TagTable } from './TagTable.js';

/** The main window's left pane: the tag table, or the process displays, one tab away from each other. */
export function WorkspacePane() {
  const store = useDisplayStore();
  const paneOpen = useDisplayState((state) => state.paneOpen);
  const count = useDisplayState((state) => state.displays.length);
  return (
    <div className="workspace-pane">
      <div className="pane-tabs" role="tablist" aria-label="Left pane">
        <button type="button" role="tab" aria-selected={!paneOpen} data-testid="pane-tab-tags" onClick={() => store.getState().setPaneOpen(false)}>
          Tags
        </button>
        <button type="button" role="tab" aria-selected={paneOpen} data-testid="pane-tab-displays" onClick={() => store.getState().setPaneOpen(true)}>
          Displays{count > 0 ? ` (${count})` : ''}
        </button>
      </div>
      {paneOpen ? <DisplayPanel /> : <TagTable />}
    </div>
  );
}
