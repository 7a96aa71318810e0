import { describe, expect, it } from 'vitest';
import type { AlarmShelve, AlarmStateName } from '../../shared/api/alarm-api.js';
import { alarmState, isListed, NORMAL, transition, type AlarmBehaviour, type AlarmInput, type AlarmStatus } from './alarm-state-machine.js';

const plain: AlarmBehaviour = { latching: false, confirm: false };
const latching: AlarmBehaviour = { latching: true, confirm: false };
const confirming: AlarmBehaviour = { latching: false, confirm: true };

const timed: AlarmShelve = { mode: 'timed', until: 60_000, reason: 'instrument fault', user: 'op', since: 0 };
const oneShot: AlarmShelve = { mode: 'oneShot', until: null, reason: 'known', user: 'op', since: 0 };

// The ISA-18.2 states (A..G) as statuses.
const S = {
  normal: NORMAL,
  unackActive: { ...NORMAL, condition: true, active: true, acked: false },
  ackActive: { ...NORMAL, condition: true, active: true, acked: true },
  unackRtn: { ...NORMAL, condition: false, active: false, acked: false },
  latchedUnack: { ...NORMAL, condition: false, active: true, acked: false },
  latchedAck: { ...NORMAL, condition: false, active: true, acked: true },
  unconfirmed: { ...NORMAL, confirmed: false },
  unackActiveUnconfirmed: { ...NORMAL, condition: true, active: true, acked: false, confirmed: false },
  shelvedActive: { ...NORMAL, condition: true, shelve: timed },
  shelvedClear: { ...NORMAL, shelve: timed },
  oneShotActive: { ...NORMAL, condition: true, shelve: oneShot },
  suppressedActive: { ...NORMAL, condition: true, suppressed: true },
  suppressedClear: { ...NORMAL, suppressed: true },
  oosActive: { ...NORMAL, condition: true, outOfService: true },
  oosClear: { ...NORMAL, outOfService: true },
} satisfies Record<string, AlarmStatus>;
type From = keyof typeof S;

const on: AlarmInput = { type: 'condition', active: true };
const off: AlarmInput = { type: 'condition', active: false };
const ack: AlarmInput = { type: 'ack' };

type Row = [from: From, input: AlarmInput, behaviour: AlarmBehaviour, expected: AlarmStateName | `refused: ${string}`, flags?: 'raised' | 'cleared'];

const rows: Row[] = [
  // Process transitions
  ['normal', on, plain, 'unackActive', 'raised'],
  ['normal', off, plain, 'refused: condition already clear'],
  ['unackActive', off, plain, 'unackRtn', 'cleared'],
  ['unackActive', on, plain, 'refused: condition already active'],
  ['ackActive', off, plain, 'normal', 'cleared'],
  ['unackRtn', on, plain, 'unackActive', 'raised'],
  // Operator acknowledges
  ['unackActive', ack, plain, 'ackActive'],
  ['unackRtn', ack, plain, 'normal'],
  ['ackActive', ack, plain, 'refused: already acknowledged'],
  ['normal', ack, plain, 'refused: already acknowledged'],
  // Latching: stays active after the condition clears, until acknowledged and reset
  ['unackActive', off, latching, 'unackActive'],
  ['ackActive', off, latching, 'ackActive'],
  ['latchedUnack', ack, latching, 'ackActive'],
  ['latchedAck', { type: 'reset' }, latching, 'normal', 'cleared'],
  ['latchedUnack', { type: 'reset' }, latching, 'refused: acknowledge before resetting'],
  ['ackActive', { type: 'reset' }, latching, 'refused: the condition still holds'],
  ['latchedAck', on, latching, 'ackActive'],
  // Confirm
  ['normal', on, confirming, 'unackActive', 'raised'],
  ['unackActiveUnconfirmed', { type: 'confirm' }, confirming, 'refused: acknowledge before confirming'],
  ['unconfirmed', { type: 'confirm' }, confirming, 'normal'],
  ['normal', { type: 'confirm' }, plain, 'refused: this alarm needs no confirm'],
  // Shelving
  ['unackActive', { type: 'shelve', shelve: timed }, plain, 'shelved'],
  ['normal', { type: 'shelve', shelve: timed }, plain, 'shelved'],
  ['normal', { type: 'shelve', shelve: oneShot }, plain, 'refused: a one-shot shelve applies to an active alarm'],
  ['shelvedActive', off, plain, 'shelved'],
  ['shelvedActive', ack, plain, 'refused: cannot acknowledge an alarm that is shelved'],
  ['shelvedActive', { type: 'unshelve' }, plain, 'unackActive', 'raised'],
  ['shelvedClear', { type: 'unshelve' }, plain, 'normal'],
  ['shelvedClear', on, plain, 'shelved'],
  ['oneShotActive', off, plain, 'normal'],
  ['normal', { type: 'unshelve' }, plain, 'refused: not shelved'],
  ['suppressedActive', { type: 'shelve', shelve: timed }, plain, 'refused: suppressed by design'],
  ['oosActive', { type: 'shelve', shelve: timed }, plain, 'refused: out of service'],
  // Suppressed by design
  ['unackActive', { type: 'suppress', suppressed: true }, plain, 'suppressed'],
  ['suppressedActive', off, plain, 'suppressed'],
  ['suppressedActive', { type: 'suppress', suppressed: false }, plain, 'unackActive', 'raised'],
  ['suppressedClear', { type: 'suppress', suppressed: false }, plain, 'normal'],
  ['suppressedClear', { type: 'suppress', suppressed: true }, plain, 'refused: already suppressed'],
  ['suppressedActive', ack, plain, 'refused: cannot acknowledge an alarm that is suppressed'],
  // Out of service
  ['ackActive', { type: 'service', inService: false }, plain, 'outOfService'],
  ['shelvedActive', { type: 'service', inService: false }, plain, 'outOfService'],
  ['oosActive', { type: 'service', inService: true }, plain, 'unackActive', 'raised'],
  ['oosClear', { type: 'service', inService: true }, plain, 'normal'],
  ['oosClear', on, plain, 'outOfService'],
  ['normal', { type: 'service', inService: true }, plain, 'refused: already in service'],
];

describe('the ISA-18.2 alarm state machine', () => {
  it.each(rows)('%s + %j (%j) -> %s %s', (from, input, behaviour, expected, flags) => {
    const result = transition(S[from], input, behaviour);
    if (expected.startsWith('refused: ')) {
      expect(result).toEqual({ ok: false, reason: expected.slice('refused: '.length) });
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(alarmState(result.status)).toBe(expected);
    expect(result.raised).toBe(flags === 'raised');
    expect(result.cleared).toBe(flags === 'cleared');
  });

  it('remembers the process condition while hidden, and a one-shot shelve ends when the alarm returns to normal', () => {
    const result = transition(S.oneShotActive, off, plain);
    expect(result.ok && result.status).toMatchObject({ condition: false, shelve: null });
    const stillShelved = transition(S.shelvedActive, off, plain);
    expect(stillShelved.ok && stillShelved.status).toMatchObject({ condition: false, shelve: timed });
  });

  it('lists every alarm an operator must still see or act on, and nothing else', () => {
    const listed = (Object.keys(S) as From[]).filter((name) => isListed(S[name]));
    expect(listed).toEqual(Object.keys(S).filter((name) => name !== 'normal'));
  });

  it('asks for a confirm again when a confirming alarm is raised anew', () => {
    const raised = transition(NORMAL, on, confirming);
    if (!raised.ok) throw new Error(raised.reason);
    expect(raised.status.confirmed).toBe(false);
    const acked = transition(raised.status, ack, confirming);
    if (!acked.ok) throw new Error(acked.reason);
    const cleared = transition(acked.status, off, confirming);
    if (!cleared.ok) throw new Error(cleared.reason);
    expect(isListed(cleared.status)).toBe(true);
    const confirmed = transition(cleared.status, { type: 'confirm' }, confirming);
    expect(confirmed.ok && isListed(confirmed.status)).toBe(false);
  });
});
