import { assertNever } from '../../../shared/assert-never.js';
import type { HistoryStatus } from '../trend/history-fill.js';
import { useTrend } from './trend-context.js';
import { useTrendState } from './use-trend-state.js';

/** What the trend has to say: whether history could be read, and the outcome of the last action. */
export function TrendStatusLine() {
  const { trendStore } = useTrend();
  const history = useTrendState((state) => state.history);
  const message = useTrendState((state) => state.message);
  const historyText = historyStatusText(history);
  if (historyText === '' && message === null) return null;
  return (
    <div className="trend-status">
      {historyText !== '' && (
        <span className="trend-history" data-testid="trend-history-status" data-state={history.state} role="status">
          {historyText}
        </span>
      )}
      {message !== null && (
        <span className="notice" data-testid="trend-message" data-level={message.level} role={message.level === 'error' ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="notice-dismiss" aria-label="Dismiss" onClick={() => trendStore.getState().setMessage(null)}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}

function historyStatusText(status: HistoryStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'ready':
      return [
        status.fromServer.length > 0 ? `Older history of ${status.fromServer.join(', ')} read from the server.` : '',
        status.serverErrors.length > 0 ? `Server history unavailable: ${status.serverErrors.join('; ')}.` : '',
      ]
        .filter((text) => text !== '')
        .join(' ');
    case 'loading':
      return 'Reading history…';
    case 'unavailable':
      return `History unavailable (${status.message}): the trend shows the samples in memory only.`;
    default:
      return assertNever(status);
  }
}
