import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { ALARM_PRIORITIES, ALARM_STATES, type AlarmActionResult, type AlarmPriority } from '../../../shared/api/alarm-api.js';
import { alarmTarget } from '../../../shared/api/alarm-target.js';
import { can } from '../../../shared/api/auth-permissions.js';
import { useAuth } from '../auth/auth-context.js';
import { errorMessage } from '../session/error-message.js';
import { PRIORITY_LOOK, STATE_LABEL } from './alarm-labels.js';
import { useAlarms, useAlarmState } from './alarm-context.js';
import { AlarmDetails } from './AlarmDetails.js';
import { AlarmRow } from './AlarmRow.js';
import { describeResults } from './describe-results.js';
import { areasOf, DEFAULT_FILTER, DEFAULT_SORT, filterAlarms, sortAlarms, type AlarmFilter, type AlarmSort, type AlarmSortKey } from './filter-alarms.js';
import { ShelveForm } from './ShelveForm.js';

/** More rows than a screen holds help nobody in a flood: narrow the filter to see the rest. */
const MAX_ROWS = 300;

const COLUMNS: [AlarmSortKey | null, string][] = [
  [null, ''],
  ['priority', 'Priority'],
  ['time', 'Time'],
  ['name', 'Alarm'],
  [null, 'Message'],
  ['state', 'State'],
  [null, 'Value / limit'],
  ['area', 'Area'],
];

export function AlarmSummary() {
  const { store, client } = useAlarms();
  const alarms = useAlarmState((state) => state.alarms);
  const focusId = useAlarmState((state) => state.focusId);
  const user = useAuth((state) => state.auth?.user ?? null);
  const [filter, setFilter] = useState<AlarmFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<AlarmSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => sortAlarms(filterAlarms(alarms, deferredFilter), sort), [alarms, deferredFilter, sort]);
  const areas = useMemo(() => areasOf(alarms), [alarms]);
  const listedIds = useMemo(() => new Set(alarms.map((alarm) => alarm.id)), [alarms]);
  const chosen = useMemo(() => [...selected].filter((id) => listedIds.has(id)), [selected, listedIds]);
  const focused = alarms.find((alarm) => alarm.id === focusId) ?? null;

  const onSelect = useCallback((id: string, on: boolean) => setSelected((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  const onFocus = useCallback((id: string) => store.getState().focus(id), [store]);

  const act = async (label: string, ids: readonly string[], call: (ids: string[]) => Promise<readonly AlarmActionResult[]>) => {
    if (ids.length === 0) return store.getState().setNote({ level: 'warning', text: `${label}: no alarm selected` });
    try {
      const results = await call([...ids]);
      store.getState().setNote(describeResults(label, results, alarms));
      if (results.every((result) => result.ok)) setSelected(new Set());
    } catch (error) {
      store.getState().setNote({ level: 'error', text: `${label}: ${errorMessage(error)}` });
    }
  };
  // Only what this user answers for: an area-restricted operator's "visible" never sweeps up another area's alarms.
  const unackedVisible = visible.filter((alarm) => !alarm.acked && !alarm.stale && can(user, 'acknowledge', alarmTarget(alarm))).map((alarm) => alarm.id);
  const togglePriority = (priority: AlarmPriority) =>
    setFilter((current) => {
      const priorities = new Set(current.priorities);
      if (priorities.has(priority)) priorities.delete(priority);
      else priorities.add(priority);
      return { ...current, priorities };
    });

  return (
    <div className="alarm-summary" data-testid="alarm-summary">
      <div className="alarm-filters" role="group" aria-label="Filter alarms">
        {ALARM_PRIORITIES.map((priority) => (
          <label key={priority} className="alarm-filter-priority" data-priority={priority}>
            <input type="checkbox" checked={filter.priorities.has(priority)} onChange={() => togglePriority(priority)} />
            {PRIORITY_LOOK[priority].shape} {PRIORITY_LOOK[priority].label}
          </label>
        ))}
        <select aria-label="Area" value={filter.area} onChange={(event) => setFilter({ ...filter, area: event.target.value })}>
          <option value="">All areas</option>
          {areas.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </select>
        <select aria-label="State" data-testid="alarm-state-filter" value={filter.state} onChange={(event) => setFilter({ ...filter, state: event.target.value as AlarmFilter['state'] })}>
          <option value="annunciated">Standing and unacknowledged</option>
          <option value="all">Every listed alarm</option>
          {ALARM_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABEL[state]}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Filter alarms by text" placeholder="Filter by text" data-testid="alarm-text-filter" value={filter.text} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
      </div>
      <div className="alarm-actions" role="toolbar" aria-label="Alarm actions">
        <button type="button" data-testid="alarm-ack-selected" onClick={() => void act('Acknowledge', chosen, (ids) => client.acknowledgeAlarms({ ids }))}>
          Acknowledge selected ({chosen.length})
        </button>
        <button type="button" data-testid="alarm-ack-visible" disabled={unackedVisible.length === 0} onClick={() => void act('Acknowledge visible', unackedVisible, (ids) => client.acknowledgeAlarms({ ids }))}>
          Acknowledge visible ({unackedVisible.length})
        </button>
        <button type="button" data-testid="alarm-confirm-selected" onClick={() => void act('Confirm', chosen, (ids) => client.confirmAlarms({ ids }))}>
          Confirm
        </button>
        <button type="button" data-testid="alarm-reset-selected" onClick={() => void act('Reset', chosen, (ids) => client.resetAlarms({ ids }))}>
          Reset latched
        </button>
        <ShelveForm count={chosen.length} onShelve={(mode, durationMs, reason) => act('Shelve', chosen, (ids) => client.shelveAlarms({ ids, mode, durationMs, reason }))} />
        <button type="button" data-testid="alarm-unshelve-selected" onClick={() => void act('Unshelve', chosen, (ids) => client.unshelveAlarms({ ids }))}>
          Unshelve
        </button>
      </div>
      <div className="alarm-summary-body">
        <div className="alarm-table-scroll">
          <table className="alarm-table">
            <thead>
              <tr>
                {COLUMNS.map(([key, label], i) => (
                  <th key={i} scope="col" aria-sort={key !== null && sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                    {key === null ? (
                      label
                    ) : (
                      <button type="button" className="alarm-sort" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}>
                        {label}
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.slice(0, MAX_ROWS).map((alarm) => (
                <AlarmRow key={alarm.id} alarm={alarm} selected={selected.has(alarm.id)} focused={alarm.id === focusId} onSelect={onSelect} onFocus={onFocus} />
              ))}
            </tbody>
          </table>
          {visible.length === 0 && <p className="empty-hint">{alarms.length === 0 ? 'No alarms' : 'No alarm matches the filter'}</p>}
          {visible.length > MAX_ROWS && <p className="empty-hint">Showing the first {MAX_ROWS} of {visible.length}: narrow the filter to see the rest</p>}
        </div>
        {focused !== null && <AlarmDetails alarm={focused} />}
      </div>
    </div>
  );
}
