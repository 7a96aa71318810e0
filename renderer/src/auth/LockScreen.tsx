import { useState, type FormEvent } from 'react';
import type { Principal } from '../../../shared/api/auth-permissions.js';
import { useAuthServices } from './auth-context.js';
import { Dialog } from './Dialog.js';
import { LoginDialog } from './LoginDialog.js';
import { useAsyncAction } from './use-async-action.js';

/** Over a locked session: values stay visible behind it, controls are refused in main until unlocked. */
export function LockScreen({ user }: { readonly user: Principal }) {
  const { client, store } = useAuthServices();
  const [password, setPassword] = useState('');
  const [switching, setSwitching] = useState(false);
  const unlock = useAsyncAction(async () => {
    store.getState().setAuth(await client.unlock({ password }));
  });
  const logout = useAsyncAction(async () => {
    store.getState().setAuth(await client.logout());
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await unlock.run())) setPassword('');
  };
  if (switching) return <LoginDialog onClose={() => setSwitching(false)} />;
  return (
    <Dialog title="Session locked" testId="lock-screen">
      <p className="dialog-text">
        Locked for {user.displayName || user.name} ({user.role}). Values keep updating; operations wait until the session is unlocked.
      </p>
      <form className="dialog-form" onSubmit={submit}>
        <label>
          Password for {user.name}
          <input data-testid="unlock-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required maxLength={256} />
        </label>
        {(unlock.error ?? logout.error) !== null && (
          <p className="dialog-error" role="alert">
            {unlock.error ?? logout.error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => void logout.run()}>
            Log out
          </button>
          <button type="button" data-testid="switch-user" onClick={() => setSwitching(true)}>
            Switch user
          </button>
          <button type="submit" className="primary" data-testid="unlock-submit" disabled={unlock.busy}>
            Unlock
          </button>
        </div>
      </form>
    </Dialog>
  );
}
