import { describe, expect, it } from 'vitest';
import { NORMAL } from './alarm-state-machine.js';
import { alarmDefinitionsSchema } from './alarm-definition.js';
import { expandDefinitions } from './local-alarm.js';
import { alarmFingerprint, restoredStatus } from './saved-alarm-state.js';

const [high] = expandDefinitions(alarmDefinitionsSchema.parse([{ id: 'LT1', type: 'limit', tag: 'demo/Tank1.Level', limits: { H: { value: 90 } } }]));

describe('saved alarm state', () => {
  it('keeps the fingerprint across a new message, and changes it with a new limit or tag', () => {
    expect(alarmFingerprint({ ...high!, message: 'Tank full', guidance: 'Stop the feed' })).toBe(alarmFingerprint(high!));
    expect(alarmFingerprint({ ...high!, limit: 95 })).not.toBe(alarmFingerprint(high!));
    expect(alarmFingerprint({ ...high!, tag: 'demo/Tank2.Level' })).not.toBe(alarmFingerprint(high!));
  });

  it('restores an acknowledged active alarm as it was, seeding its condition', () => {
    const ackActive = { ...NORMAL, condition: true, active: true, acked: true };
    expect(restoredStatus(ackActive)).toEqual({ status: ackActive, condition: true });
  });

  it('brings a suppressed alarm back from normal, keeping only its shelve and service state', () => {
    const shelve = { mode: 'oneShot' as const, until: null, reason: 'r', user: 'u', since: 1 };
    expect(restoredStatus({ ...NORMAL, condition: true, suppressed: true, shelve, outOfService: true })).toEqual({ status: { ...NORMAL, shelve, outOfService: true }, condition: false });
  });
});
