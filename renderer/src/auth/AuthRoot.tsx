import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AuthClient } from './auth-client.js';
import { AuthContext } from './auth-context.js';
import { createAuthStore } from './auth-store.js';
import { startAuthSession } from './start-auth-session.js';

/** Owns the login state for everything below it, and keeps it in step with main. */
export function AuthRoot({ client, onError, children }: { readonly client: AuthClient; readonly onError: (message: string) => void; readonly children: ReactNode }) {
  const [store] = useState(createAuthStore);
  // The latest callback without restarting the session each render.
  const reportError = useRef(onError);
  reportError.current = onError;
  useEffect(() => {
    const session = startAuthSession(client, store, window, (message) => reportError.current(message));
    return () => session.dispose();
  }, [client, store]);
  return <AuthContext value={{ client, store }}>{children}</AuthContext>;
}
