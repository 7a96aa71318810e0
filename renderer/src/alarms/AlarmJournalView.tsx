import { useState } from 'react';
import type { AlarmJournalEntry } from '../../../shared/api/alarm-api.js';
import { formatTime } from '../format/format-time.js';
import { errorMessage } from '../session/error-message.js';
import { downloadBlob } from '../trend/download-blob.js';
import { useAlarms } from './alarm-context.js';
import { fromLocalInput, toLocalInput } from './period-input.js';

const DAY = 24 * 3_600_000;

/** Every recorded transition, searchable by time range and text, exportable as CSV. */
export function AlarmJournalView() {
  const { client, store } = useAlarms();
  const [from, setFrom] = useState(() => toLocalInput(Date.now() - DAY));
  const [to, setTo] = useState(() => toLocalInput(Date.now() + 60_000));
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<readonly AlarmJournalEntry[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const period = () => {
    const start = fromLocalInput(from);
    const end = fromLocalInput(to);
    if (start === null || end === null || end <= start) throw new Error('choose a period whose end is after its start');
    return { from: start, to: end, ...(text.trim() === '' ? {} : { text: text.trim() }) };
  };
  const search = async () => {
    try {
      const page = await client.queryAlarmJournal({ ...period(), limit: 1_000 });
      setEntries(page.entries);
      setTruncated(page.truncated);
    } catch (error) {
      store.getState().setNote({ level: 'error', text: `Journal: ${errorMessage(error)}` });
    }
  };
  const exportCsv = async () => {
    try {
      const file = await client.exportAlarmJournal(period());
      downloadBlob(document, new Blob([file.content], { type: file.mimeType }), file.filename);
    } catch (error) {
      store.getState().setNote({ level: 'error', text: `Journal export: ${errorMessage(error)}` });
    }
  };
  return (
    <div className="alarm-journal" data-testid="alarm-journal">
      <form
        className="alarm-period"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label>
          From <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <input type="search" aria-label="Search the journal" placeholder="Text (alarm, message, comment, user)" data-testid="alarm-journal-text" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" data-testid="alarm-journal-search">
          Search
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </form>
      <div className="alarm-table-scroll">
        {entries === null ? (
          <p className="empty-hint">Choose a period and search</p>
        ) : (
          <table className="alarm-table">
            <thead>
              <tr>
                <th scope="col">Event time</th>
                <th scope="col">Received</th>
                <th scope="col">What</th>
                <th scope="col">Alarm</th>
                <th scope="col">Value / limit</th>
                <th scope="col">User</th>
                <th scope="col">Comment</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={i} data-testid="alarm-journal-entry" data-kind={entry.kind} data-alarm-id={entry.alarmId}>
                  <td className="alarm-time">
                    {new Date(entry.eventTime).toLocaleDateString()} {formatTime(entry.eventTime)}
                  </td>
                  <td className="alarm-time">{formatTime(entry.receiveTime)}</td>
                  <td>{entry.kind}</td>
                  <td>{entry.name || entry.source}</td>
                  <td>{entry.value === null ? '' : `${entry.value}${entry.limit === null ? '' : ` / ${entry.limit}`}`}</td>
                  <td>{entry.user}</td>
                  <td>{entry.comment}</td>
                  <td>{entry.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries?.length === 0 && <p className="empty-hint">Nothing recorded in this period</p>}
        {truncated && <p className="empty-hint">Only the newest 1,000 shown: narrow the period or the text, or export CSV</p>}
      </div>
    </div>
  );
}
