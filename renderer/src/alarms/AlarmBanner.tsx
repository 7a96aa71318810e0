import { useMemo, useSyncExternalStore } from 'react';
import { formatTime } from '../format/format-time.js';
import { errorMessage } from '../session/error-message.js';
import { PRIORITY_LOOK } from './alarm-labels.js';
import { useAlarms, useAlarmState } from './alarm-context.js';
import { PriorityMark } from './PriorityMark.js';
import { summarizeAlarms } from './summarize-alarms.js';

/** Always on screen: counts by priority, the most urgent new alarm, the way to the summary, and the horn. */
export function AlarmBanner() {
  const { store, client, annunciator } = useAlarms();
  const alarms = useAlarmState((state) => state.alarms);
  const loaded = useAlarmState((state) => state.loaded);
  const summary = useMemo(() => summarizeAlarms(alarms), [alarms]);
  const blocked = useSyncExternalStore(
    (listener) => annunciator.onChange(listener),
    () => annunciator.blocked,
  );
  const open = (focusId: string | null) => {
    store.getState().focus(focusId);
    store.getState().openPanel('summary');
  };
  const silence = () => {
    client.silenceAlarms().catch((error: unknown) => store.getState().setNote({ level: 'error', text: `Could not silence: ${errorMessage(error)}` }));
  };
  const { top } = summary;
  return (
    <section className="alarm-banner" aria-label="Alarm banner" data-testid="alarm-banner" data-sounding={summary.sounding ?? ''} data-loaded={loaded}>
      <ul className="alarm-counts" aria-label="Alarms by priority">
        {summary.counts.map(({ priority, standing, unacked }) => (
          <li key={priority}>
            <button
              type="button"
              className="alarm-count"
              data-testid="alarm-count"
              data-priority={priority}
              data-unacked={unacked}
              data-standing={standing}
              title={`${PRIORITY_LOOK[priority].label}: ${standing} standing, ${unacked} unacknowledged`}
              onClick={() => open(null)}
            >
              <PriorityMark priority={priority} />
              <span className="alarm-count-number">{standing}</span>
              {unacked > 0 && <span className="alarm-count-unacked">({unacked} new)</span>}
            </button>
          </li>
        ))}
      </ul>
      {top === null ? (
        <span className="alarm-banner-quiet" data-testid="alarm-banner-top" data-alarm-id="">
          {loaded ? 'No unacknowledged alarms' : 'Alarms loading…'}
        </span>
      ) : (
        <button type="button" className="alarm-banner-top" data-testid="alarm-banner-top" data-alarm-id={top.id} data-priority={top.priority} onClick={() => open(top.id)}>
          <PriorityMark priority={top.priority} />
          <span className="alarm-banner-time">{formatTime(top.activeTime ?? top.changedTime)}</span>
          <span className="alarm-banner-name">{top.name}</span>
          <span className="alarm-banner-message">{top.message}</span>
        </button>
      )}
      {summary.hidden > 0 && <span className="alarm-banner-hidden">{summary.hidden} shelved / suppressed / out of service</span>}
      <span className="alarm-banner-actions">
        {blocked && <span className="alarm-sound-blocked" role="status">Sound is off until you click the page</span>}
        <button type="button" data-testid="alarm-silence" disabled={summary.sounding === null} onClick={silence} title="Stop the horn; the alarms stay unacknowledged">
          {summary.sounding === null ? 'Quiet' : 'Silence'}
        </button>
        <button type="button" data-testid="alarm-open-summary" onClick={() => open(null)}>
          Alarm summary
        </button>
      </span>
    </section>
  );
}
