import { useState } from 'react';
import { useServices } from '../components/services-context.js';
import { errorMessage } from '../session/error-message.js';
import { useDisplayState, useDisplayStore } from './display-context.js';
import { DisplayView } from './DisplayView.js';
import { openDisplayWindow } from './open-display-window.js';

/**
 * The process displays: which one, the way to the others (the list, the arrows,
 * Ctrl+PageUp/Down and the links on the picture), and a window of its own.
 */
export function DisplayPanel() {
  const { bridge } = useServices();
  const store = useDisplayStore();
  const displays = useDisplayState((state) => state.displays);
  const current = useDisplayState((state) => state.current);
  const error = useDisplayState((state) => state.error);
  const [windowError, setWindowError] = useState<string | null>(null);
  const display = displays.find((candidate) => candidate.name === current);
  const openWindow = () => {
    if (display === undefined) return;
    setWindowError(null);
    openDisplayWindow(window, bridge, display.name).catch((reason: unknown) => setWindowError(`Could not open a display window: ${errorMessage(reason)}`));
  };
  return (
    <section className="display-panel" aria-label="Process display" data-testid="display-panel" data-display={display?.name ?? ''}>
      <div className="display-toolbar" role="toolbar" aria-label="Displays">
        <button type="button" data-testid="display-previous" title="Previous display (Ctrl+PageUp)" aria-label="Previous display" disabled={displays.length < 2} onClick={() => store.getState().step(-1)}>
          ◀
        </button>
        <select aria-label="Display" data-testid="display-select" value={display?.name ?? ''} disabled={displays.length === 0} onChange={(event) => store.getState().show(event.target.value)}>
          {display === undefined && <option value="">{displays.length === 0 ? 'No displays' : 'Choose a display…'}</option>}
          {displays.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="display-next" title="Next display (Ctrl+PageDown)" aria-label="Next display" disabled={displays.length < 2} onClick={() => store.getState().step(1)}>
          ▶
        </button>
        <h2 className="display-title" data-testid="display-title">
          {display?.title ?? display?.name ?? ''}
        </h2>
        <button type="button" data-testid="display-open-window" disabled={display === undefined} onClick={openWindow}>
          Open in new window
        </button>
      </div>
      {windowError !== null && (
        <p className="display-message" role="alert">
          {windowError}
        </p>
      )}
      {error !== null ? (
        <p className="display-message" role="alert" data-testid="display-error">
          Could not read the displays: {error}
        </p>
      ) : display !== undefined ? (
        <DisplayView display={display} onGo={(name) => store.getState().show(name)} />
      ) : (
        <p className="empty-hint" data-testid="display-empty">
          {displays.length === 0
            ? 'This project has no displays. Draw them in the project file’s "displays" section (see the README).'
            : current === null
              ? 'Choose a display.'
              : `This project has no display “${current}”: it was renamed or removed. Choose another.`}
        </p>
      )}
    </section>
  );
}
