import { useEffect, useState } from 'react';
import type { CommandInfo } from '../../../shared/api/command-api.js';
import { can } from '../../../shared/api/auth-permissions.js';
import { useAuth, useAuthServices } from '../auth/auth-context.js';
import { errorMessage } from '../session/error-message.js';
import { CommandDialog } from './CommandDialog.js';
import './commands.css';

/**
 * The project's commands beside the live table. A command the user may not
 * run is shown disabled, with why (main refuses it anyway); the list is read
 * again whenever the project changes or the bridge reconnects.
 */
export function CommandBar() {
  const { client } = useAuthServices();
  const [commands, setCommands] = useState<readonly CommandInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<CommandInfo | null>(null);
  const user = useAuth((state) => (state.auth !== null && !state.auth.locked ? state.auth.user : null));
  useEffect(() => {
    const load = () =>
      client.listCommands().then(
        (list) => {
          setCommands(list);
          setError(null);
        },
        (caught: unknown) => setError(errorMessage(caught)),
      );
    void load();
    // A call made while the bridge was still connecting failed: read the list again once it is up.
    const offConnection = client.onConnectionChange((state) => state === 'connected' && void load());
    const offEvent = client.onEvent((event) => {
      if (event.type === 'project') void load();
    });
    return () => {
      offConnection();
      offEvent();
    };
  }, [client]);
  if (commands.length === 0 && error === null) return null;
  return (
    <nav className="command-bar" aria-label="Commands" data-testid="command-bar">
      <span className="command-bar-title">Commands</span>
      {commands.map((command) => {
        const allowed = can(user, 'command', command.area);
        return (
          <button
            key={command.name}
            type="button"
            data-testid="command-button"
            data-command={command.name}
            disabled={!allowed}
            title={allowed ? command.action : `${user === null ? 'Log in' : `${user.displayName || user.name} may not`} run ${command.label}`}
            onClick={() => setOpen(command)}
          >
            {command.label}
            {command.critical ? ' (critical)' : ''}…
          </button>
        );
      })}
      {error !== null && (
        <span className="dialog-error" role="alert">
          Commands: {error}
        </span>
      )}
      {open !== null && can(user, 'command', open.area) && <CommandDialog command={open} onClose={() => setOpen(null)} />}
    </nav>
  );
}
