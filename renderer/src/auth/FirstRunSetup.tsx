import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/api/auth-api.js';
import { useAuthServices } from './auth-context.js';
import { Dialog } from './Dialog.js';
import { useAsyncAction } from './use-async-action.js';

/**
 * The first run: nothing else is reachable (main refuses every operation)
 * until an administrator password is set; then this session is logged in as
 * the administrator.
 */
export function FirstRunSetup() {
  const { client, store } = useAuthServices();
  const [name, setName] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const setup = useAsyncAction(async () => {
    if (password !== repeat) throw new Error('the two passwords differ');
    store.getState().setAuth(await client.setupAdministrator({ name, displayName, password }));
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setup.run();
  };
  return (
    <Dialog title="Set the administrator password" testId="first-run-setup">
      <p className="dialog-text">This station has no administrator yet. Choose one before anything else: every change to the plant and to the project will be traced to a user.</p>
      <form className="dialog-form" onSubmit={submit}>
        <label>
          Administrator user name
          <input data-testid="setup-name" autoComplete="username" value={name} onChange={(event) => setName(event.target.value)} required maxLength={64} pattern="[A-Za-z0-9_.@\-]+" />
        </label>
        <label>
          Full name (optional)
          <input data-testid="setup-display-name" value={displayName} onChange={(event) => setDisplayName(event.target.value)} maxLength={200} />
        </label>
        <label>
          Password (at least {MIN_PASSWORD_LENGTH} characters)
          <input data-testid="setup-password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} required minLength={MIN_PASSWORD_LENGTH} maxLength={256} />
        </label>
        <label>
          Password again
          <input data-testid="setup-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} required maxLength={256} />
        </label>
        {setup.error !== null && (
          <p className="dialog-error" role="alert">
            {setup.error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" data-testid="setup-submit" disabled={setup.busy}>
            Set password and log in
          </button>
        </div>
      </form>
    </Dialog>
  );
}
