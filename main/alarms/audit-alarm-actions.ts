import type { AlarmActionResult, AlarmApi } from '../../shared/api/alarm-api.js';
import type { AuditAction, AuditEntry, AuditValue } from '../../shared/api/audit-api.js';
import type { Log } from '../api/sample-source.js';
import { formatDuration } from './local-alarms.js';

export interface AlarmAuditOptions {
  readonly record: (entry: AuditEntry) => void;
  /** The calling session's user ("" before a login) and station. */
  readonly actor: () => { readonly user: string; readonly station: string };
  readonly log: Log;
}

interface Audited {
  readonly action: AuditAction;
  readonly oldValue: AuditValue;
  readonly newValue: AuditValue;
  readonly detail: string;
}

/**
 * The alarm methods that change an alarm, each also written to the audit trail:
 * one record per alarm, with what the server or the engine answered, so the
 * trail shows a refused acknowledgement as plainly as a done one. The alarm
 * journal keeps the alarm's own story; the trail is where an auditor looks for
 * who did what to the plant. The action has already happened when its record
 * is written: a trail that cannot write then is logged, not turned into a
 * refusal the plant would contradict.
 */
export function auditAlarmActions(api: AlarmApi, options: AlarmAuditOptions): AlarmApi {
  const audited = async (results: Promise<readonly AlarmActionResult[]>, what: Audited): Promise<readonly AlarmActionResult[]> => {
    const answered = await results;
    const { user, station } = options.actor();
    for (const result of answered) {
      try {
        options.record({ ...what, user, station, target: result.id, result: resultText(result) });
      } catch (error) {
        options.log('error', `audit trail: ${what.action} of ${result.id} by ${user || 'nobody'} was done but not recorded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return answered;
  };
  const note = (verb: string, comment: string | undefined) => (comment ? `${verb}: ${comment}` : verb);
  return {
    ...api,
    acknowledgeAlarms: (r) => audited(api.acknowledgeAlarms(r), { action: 'acknowledge', oldValue: null, newValue: 'acknowledged', detail: note('acknowledge', r.comment) }),
    confirmAlarms: (r) => audited(api.confirmAlarms(r), { action: 'acknowledge', oldValue: null, newValue: 'confirmed', detail: note('confirm', r.comment) }),
    resetAlarms: (r) => audited(api.resetAlarms(r), { action: 'acknowledge', oldValue: null, newValue: 'reset', detail: note('reset', r.comment) }),
    shelveAlarms: (r) =>
      audited(api.shelveAlarms(r), {
        action: 'shelve',
        oldValue: null,
        newValue: r.mode === 'timed' ? `shelved for ${formatDuration(r.durationMs ?? 0)}` : 'shelved until it clears',
        detail: note('shelve', r.reason),
      }),
    unshelveAlarms: (r) => audited(api.unshelveAlarms(r), { action: 'shelve', oldValue: 'shelved', newValue: 'unshelved', detail: note('unshelve', r.comment) }),
    setAlarmsInService: (r) =>
      audited(api.setAlarmsInService(r), {
        action: 'shelve',
        oldValue: null,
        newValue: r.inService ? 'in service' : 'out of service',
        detail: note(r.inService ? 'return to service' : 'remove from service', r.reason),
      }),
  };
}

function resultText(result: AlarmActionResult): string {
  if (result.ok) return result.status === null ? 'ok' : result.message;
  return result.status === null ? `refused: ${result.message}` : result.message;
}
