import type { AlarmShelve, AlarmStateName } from '../../shared/api/alarm-api.js';
import { assertNever } from '../../shared/assert-never.js';

/**
 * The ISA-18.2 alarm state machine, pure: (status, input) -> status or a refusal.
 *
 * `condition` is the process condition (after the on/off delays), tracked in
 * every state so that an alarm leaving shelved, suppressed or out of service
 * comes back as what the process says now. `active` and `acked` are what is
 * annunciated; an alarm taken out of annunciation (shelved, suppressed, out of
 * service) holds active=false, acked=true, and is re-raised on return if its
 * condition still holds (ISA-18.2 clause 11: the alarm returns as new).
 */
export interface AlarmStatus {
  readonly condition: boolean;
  readonly active: boolean;
  readonly acked: boolean;
  readonly confirmed: boolean;
  readonly shelve: AlarmShelve | null;
  readonly suppressed: boolean;
  readonly outOfService: boolean;
}

export interface AlarmBehaviour {
  readonly latching: boolean;
  readonly confirm: boolean;
}

export type AlarmInput =
  | { readonly type: 'condition'; readonly active: boolean }
  | { readonly type: 'ack' }
  | { readonly type: 'confirm' }
  | { readonly type: 'reset' }
  | { readonly type: 'shelve'; readonly shelve: AlarmShelve }
  | { readonly type: 'unshelve' }
  | { readonly type: 'suppress'; readonly suppressed: boolean }
  | { readonly type: 'service'; readonly inService: boolean };

export type AlarmTransition =
  | { readonly ok: true; readonly status: AlarmStatus; readonly raised: boolean; readonly cleared: boolean }
  | { readonly ok: false; readonly reason: string };

export const NORMAL: AlarmStatus = {
  condition: false,
  active: false,
  acked: true,
  confirmed: true,
  shelve: null,
  suppressed: false,
  outOfService: false,
};

export function alarmState(status: AlarmStatus): AlarmStateName {
  if (status.outOfService) return 'outOfService';
  if (status.suppressed) return 'suppressed';
  if (status.shelve !== null) return 'shelved';
  if (status.active) return status.acked ? 'ackActive' : 'unackActive';
  return status.acked ? 'normal' : 'unackRtn';
}

/** Listed in the summary: anything but a quiet, acknowledged, confirmed alarm. */
export function isListed(status: AlarmStatus): boolean {
  return alarmState(status) !== 'normal' || !status.confirmed;
}

export function isLatched(status: AlarmStatus): boolean {
  return status.active && !status.condition;
}

export function transition(status: AlarmStatus, input: AlarmInput, behaviour: AlarmBehaviour): AlarmTransition {
  const annunciated = !status.outOfService && !status.suppressed && status.shelve === null;
  switch (input.type) {
    case 'condition':
      return condition(status, input.active, annunciated, behaviour);
    case 'ack':
      if (!annunciated) return refuse(`cannot acknowledge an alarm that is ${alarmState(status)}`);
      if (status.acked) return refuse('already acknowledged');
      return done(status, { acked: true });
    case 'confirm':
      if (!behaviour.confirm && status.confirmed) return refuse('this alarm needs no confirm');
      if (!status.acked) return refuse('acknowledge before confirming');
      if (status.confirmed) return refuse('already confirmed');
      return done(status, { confirmed: true });
    case 'reset':
      if (!isLatched(status)) return refuse(status.active ? 'the condition still holds' : 'not latched');
      if (!status.acked) return refuse('acknowledge before resetting');
      return done(status, { active: false }, { cleared: true });
    case 'shelve':
      if (status.outOfService) return refuse('out of service');
      if (status.suppressed) return refuse('suppressed by design');
      if (input.shelve.mode === 'oneShot' && !status.condition) return refuse('a one-shot shelve applies to an active alarm');
      return done(status, { shelve: input.shelve, ...QUIET });
    case 'unshelve':
      if (status.shelve === null) return refuse('not shelved');
      return reannunciate({ ...status, shelve: null });
    case 'suppress':
      if (status.suppressed === input.suppressed) return refuse(input.suppressed ? 'already suppressed' : 'not suppressed');
      return input.suppressed ? done(status, { suppressed: true, ...QUIET }) : reannunciate({ ...status, suppressed: false });
    case 'service':
      if (status.outOfService === !input.inService) return refuse(input.inService ? 'already in service' : 'already out of service');
      return input.inService
        ? reannunciate({ ...status, outOfService: false })
        : done(status, { outOfService: true, shelve: null, ...QUIET });
    default:
      return assertNever(input);
  }
}

function condition(status: AlarmStatus, active: boolean, annunciated: boolean, behaviour: AlarmBehaviour): AlarmTransition {
  if (status.condition === active) return refuse(active ? 'condition already active' : 'condition already clear');
  if (!annunciated) {
    // A one-shot shelve lasts until the alarm next returns to normal (OPC UA Part 9, ShelvedStateMachineType).
    const shelve = !active && status.shelve?.mode === 'oneShot' ? null : status.shelve;
    return done(status, { condition: active, shelve });
  }
  if (active) {
    // Re-raised while unacknowledged after a return to normal: still one thing to acknowledge.
    const raised = !status.active;
    return done(status, { condition: true, active: true, acked: status.acked && !raised, confirmed: status.confirmed && !(raised && behaviour.confirm) }, { raised });
  }
  if (behaviour.latching && status.active) return done(status, { condition: false });
  return done(status, { condition: false, active: false }, { cleared: status.active });
}

/** Out of annunciation: nothing to acknowledge or confirm while hidden. */
const QUIET = { active: false, acked: true, confirmed: true } as const;

/** Back into annunciation: raised anew if the condition holds and nothing else still hides it. */
function reannunciate(status: AlarmStatus): AlarmTransition {
  const visible = !status.outOfService && !status.suppressed && status.shelve === null;
  if (visible && status.condition) return done(status, { active: true, acked: false }, { raised: true });
  return done(status, {});
}

function done(status: AlarmStatus, change: Partial<AlarmStatus>, flags: { raised?: boolean; cleared?: boolean } = {}): AlarmTransition {
  return { ok: true, status: { ...status, ...change }, raised: flags.raised ?? false, cleared: flags.cleared ?? false };
}

function refuse(reason: string): AlarmTransition {
  return { ok: false, reason };
}
