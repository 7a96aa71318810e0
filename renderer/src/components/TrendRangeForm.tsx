import { useState } from 'react';
import { pausedAt } from '../trend/trend-view.js';
import { useTrend } from './trend-context.js';

/** A free range, typed in local time to the second. */
export function TrendRangeForm() {
  const { trendStore } = useTrend();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="trend-range"
      aria-label="Show a range"
      onSubmit={(event) => {
        event.preventDefault();
        const start = new Date(from).getTime();
        const end = new Date(to).getTime();
        if (!Number.isFinite(start) || !Number.isFinite(end)) return setError('enter a start and an end time');
        if (end <= start) return setError('the end must be after the start');
        setError('');
        trendStore.getState().setView((view) => pausedAt(view, start, end));
      }}
    >
      <input type="datetime-local" step="1" aria-label="Range start" data-testid="trend-range-from" value={from} onChange={(event) => setFrom(event.target.value)} />
      <span aria-hidden="true">–</span>
      <input type="datetime-local" step="1" aria-label="Range end" data-testid="trend-range-to" value={to} onChange={(event) => setTo(event.target.value)} />
      <button type="submit" data-testid="trend-range-apply">
        Show range
      </button>
      {error !== '' && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
