import { memo } from 'react';
import type { AlarmView } from '../../../shared/api/alarm-api.js';
import { formatTime } from '../format/format-time.js';
import { STATE_LABEL } from './alarm-labels.js';
import { PriorityMark } from './PriorityMark.js';

export interface AlarmRowProps {
  readonly alarm: AlarmView;
  readonly selected: boolean;
  readonly focused: boolean;
  readonly onSelect: (id: string, selected: boolean) => void;
  readonly onFocus: (id: string) => void;
}

/** Redrawn only when its alarm's revision, its selection or focus change: a flood updates rows, not the table. */
export const AlarmRow = memo(
  function AlarmRow({ alarm, selected, focused, onSelect, onFocus }: AlarmRowProps) {
    return (
      <tr
        data-testid="alarm-row"
        data-alarm-id={alarm.id}
        data-state={alarm.state}
        data-priority={alarm.priority}
        data-stale={alarm.stale}
        aria-selected={focused}
        className={focused ? 'focused' : undefined}
        onClick={() => onFocus(alarm.id)}
      >
        <td>
          <input type="checkbox" aria-label={`Select ${alarm.name}`} checked={selected} onClick={(event) => event.stopPropagation()} onChange={(event) => onSelect(alarm.id, event.target.checked)} />
        </td>
        <td>
          <PriorityMark priority={alarm.priority} />
        </td>
        <td className="alarm-time">{formatTime(alarm.activeTime ?? alarm.changedTime)}</td>
        <td className="alarm-name">{alarm.name}</td>
        <td className="alarm-message">
          {alarm.message}
          {alarm.stale && <span className="alarm-stale"> (connection lost: last known state)</span>}
        </td>
        <td className="alarm-state" data-testid="alarm-state">
          {STATE_LABEL[alarm.state]}
          {alarm.latched && ' (latched)'}
          {!alarm.confirmed && alarm.state !== 'normal' && ', to confirm'}
        </td>
        <td className="alarm-value">{alarm.value === null ? '' : `${formatNumber(alarm.value)}${alarm.limit === null ? '' : ` / ${formatNumber(alarm.limit)}`}`}</td>
        <td>{alarm.area}</td>
      </tr>
    );
  },
  (a, b) => a.alarm.revision === b.alarm.revision && a.alarm.id === b.alarm.id && a.selected === b.selected && a.focused === b.focused && a.onSelect === b.onSelect,
);

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 2);
}
