import { useState, type FormEvent } from 'react';
import { useAuthServices } from './auth-context.js';
import { Dialog } from './Dialog.js';
import { useAsyncAction } from './use-async-action.js';
import { DialogError } from './DialogError.js';

/** Log in, or switch user when someone is logged in: main decides, and says why not. */
export function LoginDialog({ onClose, initialName = '' }: { readonly onClose: () => void; readonly initialName?: string }) {
  const { client, store } = useAuthServices();
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const login = useAsyncAction(async () => {
    store.getState().setAuth(await client.login({ name, password }));
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await login.run()) onClose();
    else setPassword('');
  };
  return (
    <Dialog title="Log in" testId="login-dialog" onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <label>
          User name
          <input data-testid="login-name" autoComplete="username" value={name} onChange={(event) => setName(event.target.value)} required maxLength={64} />
        </label>
        <label>
          Password
          <input data-testid="login-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required maxLength={256} />
        </label>
        <DialogError error={login.error} testId="login-error" />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="login-submit" disabled={login.busy}>
            {login.busy ? 'Checking…' : 'Log in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
