import { useState } from 'react';

const DURATIONS: [number, string][] = [
  [15 * 60_000, '15 min'],
  [60 * 60_000, '1 h'],
  [4 * 3_600_000, '4 h'],
  [8 * 3_600_000, '8 h'],
];

export interface ShelveFormProps {
  readonly count: number;
  readonly onShelve: (mode: 'timed' | 'oneShot', durationMs: number | undefined, reason: string) => Promise<void>;
}

/** Shelving needs a reason and a duration (or one-shot: until the alarm next clears); the server caps the duration. */
export function ShelveForm({ count, onShelve }: ShelveFormProps) {
  const [reason, setReason] = useState('');
  const [duration, setDuration] = useState(String(DURATIONS[1]![0]));
  const submit = async () => {
    const mode = duration === 'oneShot' ? 'oneShot' : 'timed';
    await onShelve(mode, mode === 'timed' ? Number(duration) : undefined, reason.trim());
    setReason('');
  };
  return (
    <form
      className="shelve-form"
      aria-label="Shelve"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input aria-label="Reason for shelving" data-testid="alarm-shelve-reason" placeholder="Reason for shelving" required maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
      <select aria-label="Shelve for" data-testid="alarm-shelve-duration" value={duration} onChange={(event) => setDuration(event.target.value)}>
        {DURATIONS.map(([ms, label]) => (
          <option key={ms} value={String(ms)}>
            {label}
          </option>
        ))}
        <option value="oneShot">until it clears</option>
      </select>
      <button type="submit" data-testid="alarm-shelve" disabled={count === 0 || reason.trim() === ''}>
        Shelve ({count})
      </button>
    </form>
  );
}
