import { errorMessage } from '../session/error-message.js';
import type { AlarmClient } from './alarm-client.js';
import type { AlarmStore } from './alarm-store.js';
import type { Annunciator } from './annunciator.js';
import { summarizeAlarms } from './summarize-alarms.js';

/**
 * Keeps the alarm store in step with main: every `alarms` event, and the
 * whole list on every (re)connect; and drives the horn from what sounds.
 */
export function startAlarmSession(client: AlarmClient, store: AlarmStore, annunciator: Annunciator): { dispose(): void } {
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    store.getState().reset();
    try {
      const list = await client.listAlarms();
      if (mine === generation) store.getState().applyList(list);
    } catch (error) {
      if (mine === generation && client.connected) store.getState().setNote({ level: 'error', text: `Could not load the alarm list: ${errorMessage(error)}` });
    }
  };
  const unsubscribes = [
    client.onAlarms((list) => store.getState().applyList(list)),
    client.onConnected(() => void load()),
    store.subscribe((state, previous) => {
      if (state.alarms !== previous.alarms) annunciator.play(summarizeAlarms(state.alarms).sounding);
    }),
  ];
  if (client.connected) void load();
  return {
    dispose: () => {
      generation++;
      for (const unsubscribe of unsubscribes) unsubscribe();
      annunciator.play(null);
    },
  };
}
