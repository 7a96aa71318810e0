import { useState } from 'react';
import type { AlarmView } from '../../../shared/api/alarm-api.js';
import { useServices } from '../components/services-context.js';
import { formatTime } from '../format/format-time.js';
import { errorMessage } from '../session/error-message.js';
import { STATE_LABEL } from './alarm-labels.js';
import { useAlarms } from './alarm-context.js';
import { describeResults } from './describe-results.js';
import { PriorityMark } from './PriorityMark.js';
import { requestTrend, trendAround } from './trend-request.js';

/** The focused alarm: what to do about it (guidance), its history in brief, a comment, and its trend. */
export function AlarmDetails({ alarm }: { readonly alarm: AlarmView }) {
  const { appStore } = useServices();
  const { store, client, trendHere } = useAlarms();
  const [comment, setComment] = useState('');
  const [serviceReason, setServiceReason] = useState('');
  const note = (text: string, results: Parameters<typeof describeResults>[1]) => store.getState().setNote(describeResults(text, results, [alarm]));
  const fail = (error: unknown) => store.getState().setNote({ level: 'error', text: errorMessage(error) });
  const time = alarm.activeTime ?? alarm.changedTime;
  return (
    <aside className="alarm-details" aria-label={`Alarm ${alarm.name}`} data-testid="alarm-details" data-alarm-id={alarm.id}>
      <h3>
        <PriorityMark priority={alarm.priority} /> {alarm.name}
      </h3>
      <p className="alarm-details-message">{alarm.message}</p>
      <dl>
        <dt>State</dt>
        <dd>{STATE_LABEL[alarm.state]}{alarm.stale ? ' (connection lost: last known state)' : ''}</dd>
        <dt>Active since</dt>
        <dd>{alarm.activeTime === null ? '—' : `${new Date(alarm.activeTime).toLocaleDateString()} ${formatTime(alarm.activeTime)}`}</dd>
        <dt>Source</dt>
        <dd>{alarm.sourceName}{alarm.severity !== null ? ` (severity ${alarm.severity})` : ''}</dd>
        {alarm.shelve !== null && (
          <>
            <dt>Shelved</dt>
            <dd>
              {alarm.shelve.mode === 'timed' ? `until ${alarm.shelve.until === null ? '?' : formatTime(alarm.shelve.until)}` : 'until it clears'} by {alarm.shelve.user || '?'}: {alarm.shelve.reason}
            </dd>
          </>
        )}
        {alarm.lastComment !== '' && (
          <>
            <dt>Comment</dt>
            <dd>{alarm.lastComment}</dd>
          </>
        )}
      </dl>
      <section className="alarm-guidance" aria-label="Operator guidance" data-testid="alarm-guidance">
        <h4>What to do</h4>
        <p>{alarm.guidance || 'No guidance text was configured for this alarm.'}</p>
      </section>
      {alarm.tagId !== null && trendHere && (
        <button
          type="button"
          data-testid="alarm-show-trend"
          onClick={() => {
            requestTrend(window, appStore, trendAround(alarm.tagId!, time));
            // The alarm views cover the workspace: close them so the trend asked for is in sight.
            store.getState().openPanel('closed');
          }}
        >
          Trend {alarm.tagId} around {formatTime(time)}
        </button>
      )}
      <form
        className="alarm-comment"
        onSubmit={(event) => {
          event.preventDefault();
          client.commentAlarm({ id: alarm.id, comment: comment.trim() }).then((result) => {
            note('Comment', [result]);
            if (result.ok) setComment('');
          }, fail);
        }}
      >
        <input aria-label="Comment" data-testid="alarm-comment" placeholder="Add a comment" maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} />
        <button type="submit" disabled={comment.trim() === ''}>
          Comment
        </button>
      </form>
      <form
        className="alarm-service"
        onSubmit={(event) => {
          event.preventDefault();
          const inService = alarm.state === 'outOfService';
          client.setAlarmsInService({ ids: [alarm.id], inService, reason: serviceReason.trim() }).then((results) => {
            note(inService ? 'Return to service' : 'Out of service', results);
            setServiceReason('');
          }, fail);
        }}
      >
        <input aria-label="Reason" placeholder="Reason (maintenance, faulty instrument…)" maxLength={1000} value={serviceReason} onChange={(event) => setServiceReason(event.target.value)} />
        <button type="submit" disabled={serviceReason.trim() === ''}>
          {alarm.state === 'outOfService' ? 'Return to service' : 'Take out of service'}
        </button>
      </form>
    </aside>
  );
}
