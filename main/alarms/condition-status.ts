import { MAX_SHELVE_MS, type AlarmShelve } from '../../shared/api/alarm-api.js';
import type { AlarmStatus } from './alarm-state-machine.js';
import type { ConditionUpdate } from './condition-source.js';

/**
 * A server-reported condition in the one alarm model. The server owns the
 * state machine of its conditions; Tidewatch only reads it. A branch (a
 * previous state still to be acknowledged, OPC UA Part 9 5.5.3) is history:
 * its condition has moved on, so it shows as returned to normal.
 */
export function conditionStatus(update: ConditionUpdate, previousShelve: AlarmShelve | null): AlarmStatus {
  const active = update.branchId === null && update.active;
  return {
    condition: active,
    active,
    acked: update.acked,
    confirmed: update.confirmed ?? true,
    shelve: shelveOf(update, previousShelve),
    suppressed: update.suppressed,
    // A disabled condition reports nothing: for the operator it is out of service.
    outOfService: update.outOfService || !update.enabled,
  };
}

function shelveOf(update: ConditionUpdate, previous: AlarmShelve | null): AlarmShelve | null {
  if (update.shelving === null) return null;
  const mode = update.shelving === 'TimedShelved' ? 'timed' : 'oneShot';
  if (previous?.mode === mode) return previous;
  return {
    mode,
    // Some servers report their "no limit" (2^31 ms) here: anything beyond a week is not a real expiry.
    until: mode === 'timed' && update.unshelveInMs !== null && update.unshelveInMs <= MAX_SHELVE_MS ? update.receiveTime + update.unshelveInMs : null,
    reason: update.comment,
    user: update.clientUserId,
    since: update.time,
  };
}

/** The summary's row name: the condition's own name, with the source it watches when that differs. */
export function conditionName(update: ConditionUpdate): string {
  const base = update.conditionName || update.sourceName || update.conditionId;
  const named = update.sourceName && update.conditionName && !update.conditionName.includes(update.sourceName) ? `${update.sourceName} ${update.conditionName}` : base;
  return update.branchId === null ? named : `${named} (earlier state)`;
}
