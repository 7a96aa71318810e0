import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AuthClient } from './auth-client.js';
import type { AuthStore, AuthStoreState } from './auth-store.js';

export interface AuthServices {
  readonly client: AuthClient;
  readonly store: AuthStore;
}

export const AuthContext = createContext<AuthServices | null>(null);

export function useAuthServices(): AuthServices {
  const services = useContext(AuthContext);
  if (services === null) throw new Error('useAuthServices needs an <AuthRoot> above it (see App.tsx)');
  return services;
}

export function useAuth<T>(selector: (state: AuthStoreState) => T): T {
  return useStore(useAuthServices().store, selector);
}
