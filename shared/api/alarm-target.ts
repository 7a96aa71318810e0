import type { AlarmView } from './alarm-api.js';

/**
 * What an alarm action is checked against in the user's role grants and
 * areas, the same patterns that cover tag writes: the alarm's tag id when it
 * has one ("demo/Tank1.Level"), so a user who answers for "demo/Tank1.*"
 * acknowledges that tank's alarms; otherwise its server and source
 * ("demo/Pump1"), and for the station's own alarms "station/<what>". An
 * operator restricted to plant areas is given "station/*" to answer for the
 * station's own alarms.
 */
export function alarmTarget(alarm: Pick<AlarmView, 'id' | 'origin' | 'tagId' | 'connectionId' | 'sourceName'>): string {
  if (alarm.tagId !== null) return alarm.tagId;
  if (alarm.origin === 'system') return `station/${alarm.id.slice(alarm.id.indexOf(':') + 1)}`;
  return `${alarm.connectionId ?? ''}/${alarm.sourceName}`;
}
