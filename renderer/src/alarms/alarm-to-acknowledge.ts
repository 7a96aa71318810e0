import type { AlarmView } from '../../../shared/api/alarm-api.js';
import { summarizeAlarms } from './summarize-alarms.js';

/**
 * What F8 acknowledges: the alarm the operator picked in the summary while it
 * still waits for an acknowledge, else the one the banner shows (the newest
 * of the highest priority). Never a batch: a key press acknowledges what the
 * operator has read, one alarm at a time.
 */
export function alarmToAcknowledge(alarms: readonly AlarmView[], focusId: string | null): AlarmView | null {
  const focused = focusId === null ? undefined : alarms.find((alarm) => alarm.id === focusId);
  if (focused !== undefined && !focused.acked) return focused;
  return summarizeAlarms(alarms).top;
}
