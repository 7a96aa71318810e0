import { useEffect } from 'react';
import { assertNever } from '../../../shared/assert-never.js';
import { alarmToAcknowledge } from '../alarms/alarm-to-acknowledge.js';
import { useAlarms } from '../alarms/alarm-context.js';
import { describeResults } from '../alarms/describe-results.js';
import { useDisplayStore } from '../displays/display-context.js';
import { errorMessage } from '../session/error-message.js';
import { openTrendWindow } from '../trend/open-trend-window.js';
import { useServices } from './services-context.js';
import { useAppState } from './use-app-state.js';

/**
 * Acts on the operator's shortcuts (F8, F9, Ctrl+T, Ctrl+PageUp/Down): main sends
 * them as 'command' events from the desktop menu, a browser page makes the same
 * from its keys (listen-for-shortcuts.ts). Each press acts once: seq tells a second F8 from a re-render.
 * Main still checks every action against the user's permissions.
 */
export function MenuCommands() {
  const command = useAppState((state) => state.command);
  const { store, client } = useAlarms();
  const { bridge } = useServices();
  const displays = useDisplayStore();
  useEffect(() => {
    if (command === null) return;
    const note = (level: 'error' | 'warning' | 'info', text: string) => store.getState().setNote({ level, text });
    switch (command.name) {
      case 'acknowledge': {
        const { alarms, focusId } = store.getState();
        const alarm = alarmToAcknowledge(alarms, focusId);
        if (alarm === null) return note('info', 'Acknowledge: no alarm waits for an acknowledge');
        client.acknowledgeAlarms({ ids: [alarm.id] }).then(
          (results) => store.getState().setNote(describeResults('Acknowledge', results, alarms)),
          (error: unknown) => note('error', `Acknowledge: ${errorMessage(error)}`),
        );
        return;
      }
      case 'silence':
        client.silenceAlarms().catch((error: unknown) => note('error', `Could not silence: ${errorMessage(error)}`));
        return;
      case 'open-trend':
        openTrendWindow(window, bridge, null, []).catch((error: unknown) => note('error', `Could not open a trend window: ${errorMessage(error)}`));
        return;
      case 'next-display':
      case 'previous-display':
        if (displays.getState().displays.length === 0) return note('info', 'This project has no displays to switch between');
        displays.getState().step(command.name === 'next-display' ? 1 : -1);
        return;
      default:
        assertNever(command.name);
    }
    // Only a new press acts; the store and client live as long as the window.
  }, [command?.seq]);
  return null;
}
