import { ALARM_PRIORITIES, type AlarmPriority, type AlarmView } from '../../../shared/api/alarm-api.js';
import { PRIORITY_LOOK } from './alarm-labels.js';

export interface PriorityCount {
  readonly priority: AlarmPriority;
  /** Annunciated (active or waiting for an acknowledge). */
  readonly standing: number;
  readonly unacked: number;
}

export interface AlarmSummary {
  readonly counts: readonly PriorityCount[];
  /** The newest unacknowledged alarm of the highest priority: what the banner shows. */
  readonly top: AlarmView | null;
  /** The priority the horn sounds for, or null when nothing sounds. */
  readonly sounding: AlarmPriority | null;
  readonly hidden: number;
}

/** The banner's figures, from the full list: pure, so the banner re-renders only when they change. */
export function summarizeAlarms(alarms: readonly AlarmView[]): AlarmSummary {
  const standing = new Map<AlarmPriority, number>();
  const unacked = new Map<AlarmPriority, number>();
  let top: AlarmView | null = null;
  let sounding: AlarmPriority | null = null;
  let hidden = 0;
  for (const alarm of alarms) {
    if (alarm.state === 'shelved' || alarm.state === 'suppressed' || alarm.state === 'outOfService') {
      hidden++;
      continue;
    }
    if (alarm.active || !alarm.acked) standing.set(alarm.priority, (standing.get(alarm.priority) ?? 0) + 1);
    if (alarm.sounding && (sounding === null || rank(alarm.priority) < rank(sounding))) sounding = alarm.priority;
    if (alarm.acked) continue;
    unacked.set(alarm.priority, (unacked.get(alarm.priority) ?? 0) + 1);
    if (top === null || rank(alarm.priority) < rank(top.priority) || (alarm.priority === top.priority && newest(alarm) > newest(top))) top = alarm;
  }
  return {
    counts: ALARM_PRIORITIES.map((priority) => ({ priority, standing: standing.get(priority) ?? 0, unacked: unacked.get(priority) ?? 0 })),
    top,
    sounding,
    hidden,
  };
}

const rank = (priority: AlarmPriority) => PRIORITY_LOOK[priority].rank;
const newest = (alarm: AlarmView) => alarm.activeTime ?? alarm.changedTime;
