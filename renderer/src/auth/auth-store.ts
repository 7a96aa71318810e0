import { createStore } from 'zustand/vanilla';
import type { AuthState } from '../../../shared/api/auth-api.js';

export interface AuthStoreState {
  /** null until main has answered: the screen waits rather than guessing who is logged in. */
  readonly auth: AuthState | null;
  setAuth(auth: AuthState | null): void;
}

export type AuthStore = ReturnType<typeof createAuthStore>;

export function createAuthStore() {
  return createStore<AuthStoreState>()((set) => ({
    auth: null,
    setAuth: (auth) => set({ auth }),
  }));
}
