import type { AlarmPriority, AlarmStateName, AlarmView } from '../../../shared/api/alarm-api.js';
import { PRIORITY_LOOK } from '../alarms/alarm-labels.js';

export interface TagAlarmMark {
  readonly priority: AlarmPriority;
  /** False while any alarm of that priority on the tag waits for an acknowledge: the mark blinks. */
  readonly acked: boolean;
  readonly count: number;
}

/** The states an operator is being told about; shelved, suppressed and out-of-service alarms leave the picture quiet. */
const ANNUNCIATED: ReadonlySet<AlarmStateName> = new Set(['unackActive', 'ackActive', 'unackRtn']);

/**
 * What a display marks beside each tag with alarms (ISA-101: the alarm shows where it
 * is in the plant): the most urgent priority among its annunciated alarms, and
 * whether one of those is unacknowledged.
 */
export function tagAlarmMarks(alarms: readonly AlarmView[]): ReadonlyMap<string, TagAlarmMark> {
  const marks = new Map<string, TagAlarmMark>();
  for (const alarm of alarms) {
    if (alarm.tagId === null || !ANNUNCIATED.has(alarm.state)) continue;
    const before = marks.get(alarm.tagId);
    const count = (before?.count ?? 0) + 1;
    if (before === undefined || PRIORITY_LOOK[alarm.priority].rank < PRIORITY_LOOK[before.priority].rank) {
      marks.set(alarm.tagId, { priority: alarm.priority, acked: alarm.acked, count });
    } else {
      marks.set(alarm.tagId, { ...before, acked: before.acked && (alarm.priority !== before.priority || alarm.acked), count });
    }
  }
  return marks;
}
