import { errorMessage } from '../session/error-message.js';
import { activityInterval, activityReporter } from './activity-reporter.js';
import { isAuthEvent, type AuthClient } from './auth-client.js';
import type { AuthStore } from './auth-store.js';

export interface ActivitySource {
  addEventListener(type: 'pointerdown' | 'keydown' | 'wheel', listener: () => void, options: { passive: true; capture: true }): void;
  removeEventListener(type: 'pointerdown' | 'keydown' | 'wheel', listener: () => void, options: { capture: true }): void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Keeps the auth store in step with main: the state on every (re)connect,
 * main's own changes as events (a lock after inactivity), and the user's
 * activity reported back so main can decide when to lock.
 */
export function startAuthSession(client: AuthClient, store: AuthStore, activity: ActivitySource, onError: (message: string) => void): { dispose(): void } {
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    try {
      const auth = await client.authState();
      if (mine === generation) store.getState().setAuth(auth);
    } catch (error) {
      if (client.connectionState === 'connected') onError(`Could not read who is logged in: ${errorMessage(error)}`);
    }
  };
  let report = activityReporter(() => void client.reportActivity().catch(() => undefined), 30_000);
  const onActivity = () => {
    const auth = store.getState().auth;
    if (auth?.user && !auth.locked) report();
  };
  const unsubscribes = [
    client.onConnectionChange((state) => {
      if (state === 'connected') void refresh();
      else store.getState().setAuth(null);
    }),
    client.onEvent((event) => {
      if (isAuthEvent(event)) store.getState().setAuth(event.auth);
    }),
    store.subscribe((state, previous) => {
      if (state.auth?.lockAfterMs !== previous.auth?.lockAfterMs && state.auth) {
        report = activityReporter(() => void client.reportActivity().catch(() => undefined), activityInterval(state.auth.lockAfterMs));
      }
    }),
  ];
  for (const type of ACTIVITY_EVENTS) activity.addEventListener(type, onActivity, { passive: true, capture: true });
  if (client.connectionState === 'connected') void refresh();
  return {
    dispose() {
      generation++;
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const type of ACTIVITY_EVENTS) activity.removeEventListener(type, onActivity, { capture: true });
    },
  };
}
