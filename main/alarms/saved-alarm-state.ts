import { z } from 'zod';
import { NORMAL, type AlarmStatus } from './alarm-state-machine.js';
import type { LocalAlarm } from './local-alarm.js';

/** What a local alarm carries across a restart or a project reload: the operator's part of its state. */
export interface SavedAlarmState {
  readonly id: string;
  /** alarmFingerprint of the definition it was saved under: a changed definition starts from normal. */
  readonly fingerprint: string;
  readonly status: AlarmStatus;
  readonly activeTime: number | null;
  readonly changedTime: number;
  readonly value: number | null;
  readonly lastComment: string;
}

const shelveSchema = z.strictObject({
  mode: z.enum(['timed', 'oneShot']),
  until: z.number().nullable(),
  reason: z.string(),
  user: z.string(),
  since: z.number(),
});

const stateSchema = z.strictObject({
  id: z.string(),
  fingerprint: z.string(),
  status: z.strictObject({
    condition: z.boolean(),
    active: z.boolean(),
    acked: z.boolean(),
    confirmed: z.boolean(),
    shelve: shelveSchema.nullable(),
    suppressed: z.boolean(),
    outOfService: z.boolean(),
  }),
  activeTime: z.number().nullable(),
  changedTime: z.number(),
  value: z.number().nullable(),
  lastComment: z.string(),
});

/** The file's shape; anything else is refused whole, with the first problem named. */
export const savedAlarmStatesSchema = z.strictObject({ version: z.literal(1), alarms: z.array(stateSchema) });

/** What decides how the alarm evaluates: a new message or guidance keeps the state, a new limit does not. */
export function alarmFingerprint(alarm: LocalAlarm): string {
  const { kind, tag, otherTag, limit, direction, deadband, behaviour } = alarm;
  return JSON.stringify([kind, tag, otherTag, limit, direction, deadband, behaviour.latching, behaviour.confirm]);
}

/**
 * The status to start from, and the process condition to seed the engine with so
 * that the first live sample is compared with what was, not with normal: an alarm
 * still active stays as acknowledged as it was, one that cleared while the station
 * was stopped clears on that sample. Suppression by design is not carried over:
 * its rule is evaluated again on the first samples, and an alarm it held comes
 * back from normal, as an alarm leaving suppression does.
 */
export function restoredStatus(saved: AlarmStatus): { readonly status: AlarmStatus; readonly condition: boolean } {
  if (saved.suppressed) return { status: { ...NORMAL, shelve: saved.shelve, outOfService: saved.outOfService }, condition: false };
  return { status: saved, condition: saved.condition };
}
