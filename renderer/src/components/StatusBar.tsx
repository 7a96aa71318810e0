import type { ConnectionStatus } from '../../../shared/contract.js';
import { connectionStateLabel } from '../format/connection-state-label.js';
import { bridgeStateLabel } from '../format/bridge-state-label.js';
import { formatTime } from '../format/format-time.js';
import { errorMessage } from '../session/error-message.js';
import { useServices } from './services-context.js';
import { useAppState } from './use-app-state.js';

export function StatusBar() {
  const bridgeState = useAppState((state) => state.bridgeState);
  const connections = useAppState((state) => state.connections);
  const project = useAppState((state) => state.project);
  const notice = useAppState((state) => state.notices.at(-1));
  const dismissNotice = useAppState((state) => state.dismissNotice);

  return (
    <footer className="status-bar">
      <span className="bridge-state" data-testid="bridge-state" data-state={bridgeState} role="status">
        <span className="marker" aria-hidden="true">
          {bridgeState === 'connected' ? '●' : '◐'}
        </span>
        {bridgeStateLabel(bridgeState)}
      </span>
      <span className="project" data-testid="project-status" title={project.file ?? 'built-in demo project'}>
        {project.name || 'No project'}
        {project.lastGood !== null && <LastGoodProject savedAt={project.lastGood.savedAt} running={project.lastGood.running} />}
        {project.issues.length > 0 && (
          <details className="project-issues" data-testid="project-issues">
            <summary role="alert">⚠ project file has {project.issues.length} error{project.issues.length === 1 ? '' : 's'}</summary>
            <ul>
              {project.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </details>
        )}
      </span>
      <ul className="connections" aria-label="Server connections">
        {connections.map((connection) => {
          const label = connectionStateLabel(connection.state);
          return (
            <li
              key={connection.id}
              className="connection"
              data-testid="connection-status"
              data-state={connection.state}
              data-connection-id={connection.id}
              title={connectionTitle(connection)}
            >
              <span className="marker" aria-hidden="true">
                {label.marker}
              </span>
              <span className="connection-name">{connection.name}</span>
              <span className="connection-state">{label.text}</span>
              <span className="connection-reconnects">reconnects: {connection.reconnects}</span>
              {connection.lastError !== null && <span className="connection-error">{connection.lastError}</span>}
            </li>
          );
        })}
      </ul>
      {notice !== undefined && (
        <span className="notice" data-testid="notice" data-level={notice.level} role={notice.level === 'error' ? 'alert' : 'status'}>
          {notice.message}
          <button type="button" className="notice-dismiss" aria-label="Dismiss notice" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </span>
      )}
    </footer>
  );
}

/** Where the connection goes, and how soon its tags turn Bad when the server falls silent. */
function connectionTitle({ endpointUrl, keepAliveMs }: ConnectionStatus): string {
  return keepAliveMs === null ? endpointUrl : `${endpointUrl}\nkeep-alive ${(keepAliveMs / 1000).toFixed(1)} s: tags turn Bad after that long without a word from the server`;
}

/** The copy kept from the last good load, offered when the file failed at start, and said plainly while it runs. */
function LastGoodProject({ savedAt, running }: { readonly savedAt: number; readonly running: boolean }) {
  const { bridge } = useServices();
  const addNotice = useAppState((state) => state.addNotice);
  const saved = `${new Date(savedAt).toLocaleDateString()} ${formatTime(savedAt)}`;
  if (running) {
    return (
      <span className="last-good" data-testid="last-good" data-running="true" role="status">
        running the good copy from {saved}; nothing is saved until the file loads
      </span>
    );
  }
  return (
    <button type="button" className="last-good" data-testid="last-good" data-running="false" onClick={() => void bridge.runLastGoodProject().catch((error: unknown) => addNotice('error', errorMessage(error)))}>
      Run the good copy from {saved}
    </button>
  );
}
