import type { ReactNode } from 'react';
import { useAuth } from './auth-context.js';
import { FirstRunSetup } from './FirstRunSetup.js';
import { LockScreen } from './LockScreen.js';

/**
 * First run: the setup and nothing else (main refuses every operation until
 * then). Locked: the lock screen over the
 * workspace. Otherwise the workspace, with controls shown per permission.
 */
export function AuthGate({ children }: { readonly children: ReactNode }) {
  const auth = useAuth((state) => state.auth);
  if (auth?.setupRequired) return <FirstRunSetup />;
  return (
    <>
      {children}
      {auth?.locked && auth.user !== null && <LockScreen user={auth.user} />}
    </>
  );
}
