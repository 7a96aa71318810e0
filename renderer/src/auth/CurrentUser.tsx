import { useState } from 'react';
import { can } from '../../../shared/api/auth-permissions.js';
import { AuditPanel } from '../audit/AuditPanel.js';
import { useAuth, useAuthServices } from './auth-context.js';
import { LoginDialog } from './LoginDialog.js';
import { useAsyncAction } from './use-async-action.js';
import { UsersDialog } from './UsersDialog.js';

/** Always on screen: who is logged in (or that the station is read-only), and the ways to change it. */
export function CurrentUser() {
  const { client, store } = useAuthServices();
  const auth = useAuth((state) => state.auth);
  const [dialog, setDialog] = useState<'login' | 'audit' | 'users' | null>(null);
  const call = useAsyncAction(async (action: 'logout' | 'lock') => {
    store.getState().setAuth(action === 'logout' ? await client.logout() : await client.lock());
  });
  const user = auth?.user ?? null;
  return (
    <header className="user-bar" data-testid="current-user" data-user={user?.name ?? ''} data-role={user?.role ?? ''}>
      {user === null ? (
        <span className="user-name user-none">{auth === null ? 'Checking who is logged in…' : 'Read-only view: nobody is logged in'}</span>
      ) : (
        <span className="user-name">
          <span className="user-marker" aria-hidden="true">
            ●
          </span>
          {user.displayName || user.name}
          <span className="user-role">{user.role}</span>
          {auth?.locked && <span className="user-locked">locked</span>}
        </span>
      )}
      <span className="user-actions">
        {user !== null && can(user, 'viewAudit') && (
          <button type="button" data-testid="open-audit" onClick={() => setDialog('audit')}>
            Audit trail
          </button>
        )}
        {user !== null && can(user, 'manageUsers') && (
          <button type="button" data-testid="open-users" onClick={() => setDialog('users')}>
            Users
          </button>
        )}
        {auth !== null && !auth.setupRequired && (
          <button type="button" data-testid="login-open" onClick={() => setDialog('login')}>
            {user === null ? 'Log in' : 'Switch user'}
          </button>
        )}
        {user !== null && (
          <>
            <button type="button" data-testid="lock" onClick={() => void call.run('lock')}>
              Lock
            </button>
            <button type="button" data-testid="logout" onClick={() => void call.run('logout')}>
              Log out
            </button>
          </>
        )}
        {call.error !== null && (
          <span className="dialog-error" role="alert">
            {call.error}
          </span>
        )}
      </span>
      {dialog === 'login' && <LoginDialog onClose={() => setDialog(null)} />}
      {dialog === 'audit' && <AuditPanel onClose={() => setDialog(null)} />}
      {dialog === 'users' && <UsersDialog onClose={() => setDialog(null)} />}
    </header>
  );
}
