import { describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../../../shared/api/auth-api.js';
import { DEFAULT_ROLES } from '../../../shared/api/auth-permissions.js';
import type { BridgeConnectionState } from '../bridge/renderer-bridge.js';
import type { AuthClient } from './auth-client.js';
import { createAuthStore } from './auth-store.js';
import { startAuthSession, type ActivitySource } from './start-auth-session.js';

const loggedIn: AuthState = { setupRequired: false, user: { name: 'olga', displayName: 'Olga', role: 'operator', areas: ['*'], grants: DEFAULT_ROLES.operator }, locked: false, lockAfterMs: 60_000, station: 'browser' };

function fakeClient(answer: AuthState) {
  let state: BridgeConnectionState = 'connecting';
  const stateListeners = new Set<(state: BridgeConnectionState) => void>();
  const eventListeners = new Set<(event: { type: string }) => void>();
  const client = {
    get connectionState() {
      return state;
    },
    authState: vi.fn(async () => answer),
    reportActivity: vi.fn(async () => undefined),
    onEvent: (listener: (event: { type: string }) => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange: (listener: (state: BridgeConnectionState) => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  } as unknown as AuthClient;
  return {
    client,
    setState(next: BridgeConnectionState) {
      state = next;
      for (const listener of stateListeners) listener(next);
    },
    emit(event: { type: string }) {
      for (const listener of eventListeners) listener(event);
    },
  };
}

function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const source: ActivitySource = {
    addEventListener: (type, listener) => listeners.set(type, listener),
    removeEventListener: (type) => listeners.delete(type),
  };
  return { source, fire: (type: string) => listeners.get(type)?.(), listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startAuthSession', () => {
  it('asks main who is logged in on every connect, forgets it while disconnected, and follows main’s events', async () => {
    const { client, setState, emit } = fakeClient(loggedIn);
    const store = createAuthStore();
    const session = startAuthSession(client, store, fakeWindow().source, () => undefined);
    expect(store.getState().auth).toBeNull();
    setState('connected');
    await settle();
    expect(store.getState().auth?.user?.name).toBe('olga');
    emit({ type: 'auth', auth: { ...loggedIn, locked: true } } as { type: string });
    expect(store.getState().auth?.locked).toBe(true);
    emit({ type: 'tags' });
    expect(store.getState().auth?.locked).toBe(true);
    setState('lost');
    expect(store.getState().auth).toBeNull();
    session.dispose();
  });

  it('reports activity only for a logged-in, unlocked user, and stops listening when disposed', async () => {
    const { client, setState } = fakeClient(loggedIn);
    const store = createAuthStore();
    const win = fakeWindow();
    const session = startAuthSession(client, store, win.source, () => undefined);
    win.fire('keydown');
    expect(client.reportActivity).not.toHaveBeenCalled();
    setState('connected');
    await settle();
    win.fire('pointerdown');
    win.fire('keydown');
    expect(client.reportActivity).toHaveBeenCalledTimes(1);
    session.dispose();
    expect(win.listeners.size).toBe(0);
  });
});
