import type { AlarmPriority, AlarmStateName, AlarmView } from '../../../shared/api/alarm-api.js';
import { ANNUNCIATED_STATES, PRIORITY_LOOK } from './alarm-labels.js';

export interface AlarmFilter {
  /** Empty: every priority. */
  readonly priorities: ReadonlySet<AlarmPriority>;
  /** "" for every area. */
  readonly area: string;
  /** 'annunciated' (the default view), 'all', or one state. */
  readonly state: 'annunciated' | 'all' | AlarmStateName;
  readonly text: string;
}

export type AlarmSortKey = 'priority' | 'time' | 'name' | 'area' | 'state';

export interface AlarmSort {
  readonly key: AlarmSortKey;
  readonly descending: boolean;
}

export const DEFAULT_FILTER: AlarmFilter = { priorities: new Set(), area: '', state: 'annunciated', text: '' };
/** ISA-18.2: the most important first, the newest first within a priority. */
export const DEFAULT_SORT: AlarmSort = { key: 'priority', descending: false };

export function filterAlarms(alarms: readonly AlarmView[], filter: AlarmFilter): AlarmView[] {
  const needle = filter.text.trim().toLowerCase();
  return alarms.filter(
    (alarm) =>
      (filter.priorities.size === 0 || filter.priorities.has(alarm.priority)) &&
      (filter.area === '' || alarm.area === filter.area) &&
      (filter.state === 'all' || (filter.state === 'annunciated' ? ANNUNCIATED_STATES.has(alarm.state) : alarm.state === filter.state)) &&
      (needle === '' || `${alarm.name}\n${alarm.message}\n${alarm.sourceName}\n${alarm.area}\n${alarm.lastComment}`.toLowerCase().includes(needle)),
  );
}

export function sortAlarms(alarms: readonly AlarmView[], sort: AlarmSort): AlarmView[] {
  const time = (a: AlarmView) => a.activeTime ?? a.changedTime;
  const compare = (a: AlarmView, b: AlarmView): number => {
    switch (sort.key) {
      case 'priority':
        return PRIORITY_LOOK[a.priority].rank - PRIORITY_LOOK[b.priority].rank || time(b) - time(a);
      case 'time':
        return time(b) - time(a);
      case 'name':
        return a.name.localeCompare(b.name);
      case 'area':
        return a.area.localeCompare(b.area) || a.name.localeCompare(b.name);
      case 'state':
        return a.state.localeCompare(b.state) || time(b) - time(a);
    }
  };
  const sorted = [...alarms].sort(compare);
  return sort.descending ? sorted.reverse() : sorted;
}

export function areasOf(alarms: readonly AlarmView[]): string[] {
  return [...new Set(alarms.map((alarm) => alarm.area))].sort();
}
