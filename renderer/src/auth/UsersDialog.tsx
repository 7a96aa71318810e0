import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/api/auth-api.js';
import { ROLE_NAMES, type RoleName } from '../../../shared/api/auth-permissions.js';
import { useAuthServices } from './auth-context.js';
import { Dialog } from './Dialog.js';
import { DialogError } from './DialogError.js';
import { parseAreas } from './parse-areas.js';
import { useAsyncAction } from './use-async-action.js';

interface Draft {
  /** null: a new user. */
  readonly editing: string | null;
  readonly name: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly areas: string;
  readonly disabled: boolean;
  readonly password: string;
}

const NEW_USER: Draft = { editing: null, name: '', displayName: '', role: 'operator', areas: '*', disabled: false, password: '' };

const draftOf = (user: UserSummary): Draft => ({ editing: user.name, name: user.name, displayName: user.displayName, role: user.role, areas: user.areas.join(', '), disabled: user.disabled, password: '' });

/**
 * The station's users, for an administrator: add, change role, areas or
 * password, disable, delete. Main checks the permission, the password rules
 * and that an enabled administrator remains, and audits every change; this
 * screen says what main answered.
 */
export function UsersDialog({ onClose }: { readonly onClose: () => void }) {
  const { client } = useAuthServices();
  const [users, setUsers] = useState<readonly UserSummary[] | null>(null);
  const [draft, setDraft] = useState<Draft>(NEW_USER);
  const [deleting, setDeleting] = useState<string | null>(null);
  const load = useAsyncAction(useCallback(async () => setUsers(await client.listUsers()), [client]));
  const { run: reload } = load;
  useEffect(() => void reload(), [reload]);

  const save = useAsyncAction(async (next: Draft) => {
    const areas = parseAreas(next.areas);
    if (!areas.ok) throw new Error(areas.error);
    if (next.editing === null && users?.some((user) => user.name.toLowerCase() === next.name.trim().toLowerCase())) {
      throw new Error(`name: there is already a user "${next.name.trim()}"; pick it in the list to change it`);
    }
    await client.saveUser({
      name: next.editing ?? next.name.trim(),
      displayName: next.displayName.trim(),
      role: next.role,
      areas: areas.areas,
      disabled: next.disabled,
      ...(next.password !== '' && { password: next.password }),
    });
    setDraft(NEW_USER);
    await reload();
  });
  const remove = useAsyncAction(async (name: string) => {
    await client.deleteUser({ name });
    setDeleting(null);
    if (draft.editing === name) setDraft(NEW_USER);
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(draft);
  };
  const change = (fields: Partial<Draft>) => setDraft((current) => ({ ...current, ...fields }));

  return (
    <Dialog title="Users" testId="users-dialog" onClose={onClose} wide>
      <DialogError error={load.error ?? remove.error} testId="users-list-error" />
      <table className="audit-table users-table" data-testid="users-table">
        <thead>
          <tr>
            <th>User</th>
            <th>Name shown</th>
            <th>Role</th>
            <th>Areas</th>
            <th>State</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((user) => (
            <tr key={user.name} data-testid="user-row" data-user={user.name} data-role={user.role} data-disabled={user.disabled}>
              <td>{user.name}</td>
              <td>{user.displayName}</td>
              <td>{user.role}</td>
              <td>{user.areas.join(', ')}</td>
              <td>{user.disabled ? 'disabled' : 'enabled'}</td>
              <td>
                <button type="button" data-testid="user-edit" onClick={() => setDraft(draftOf(user))}>
                  Change
                </button>
                {deleting === user.name ? (
                  <button type="button" className="danger" data-testid="user-delete-confirm" disabled={remove.busy} onClick={() => void remove.run(user.name)}>
                    Delete {user.name}?
                  </button>
                ) : (
                  <button type="button" data-testid="user-delete" onClick={() => setDeleting(user.name)}>
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="dialog-form" onSubmit={submit} data-testid="user-form" data-editing={draft.editing ?? ''}>
        <h3>{draft.editing === null ? 'Add a user' : `Change ${draft.editing}`}</h3>
        <label>
          User name
          <input data-testid="user-name" value={draft.name} readOnly={draft.editing !== null} onChange={(event) => change({ name: event.target.value })} required maxLength={64} autoComplete="off" />
        </label>
        <label>
          Name shown
          <input data-testid="user-display-name" value={draft.displayName} onChange={(event) => change({ displayName: event.target.value })} maxLength={200} />
        </label>
        <label>
          Role
          <select data-testid="user-role" value={draft.role} onChange={(event) => change({ role: event.target.value as RoleName })}>
            {ROLE_NAMES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          Areas (patterns, comma-separated; * for the whole plant)
          <input data-testid="user-areas" value={draft.areas} onChange={(event) => change({ areas: event.target.value })} />
        </label>
        <label>
          {draft.editing === null ? 'Password' : 'New password (empty keeps the current one)'}
          <input data-testid="user-password" type="password" autoComplete="new-password" value={draft.password} onChange={(event) => change({ password: event.target.value })} required={draft.editing === null} maxLength={256} />
        </label>
        <label className="dialog-check">
          <input type="checkbox" data-testid="user-disabled" checked={draft.disabled} onChange={(event) => change({ disabled: event.target.checked })} />
          Disabled (cannot log in; logged out at once)
        </label>
        <DialogError error={save.error} testId="user-error" />
        <div className="dialog-buttons">
          <button type="button" onClick={draft.editing === null ? onClose : () => setDraft(NEW_USER)}>
            {draft.editing === null ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" data-testid="user-save" disabled={save.busy}>
            {draft.editing === null ? 'Add user' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
