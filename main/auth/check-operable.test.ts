import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { checkOperable } from './check-operable.js';

const connected = { name: 'Demo plant', state: 'connected' } as const;

describe('checkOperable', () => {
  it('allows a Good or Uncertain tag on a connected server', () => {
    expect(checkOperable('demo/TIC101.SP', connected, StatusCode.Good)).toBeNull();
    expect(checkOperable('demo/TIC101.SP', connected, StatusCode.UncertainLastUsableValue)).toBeNull();
  });

  it('refuses while the connection is not connected, naming its state', () => {
    for (const state of ['connecting', 'reconnecting', 'failed', 'stopped'] as const) {
      expect(checkOperable('demo/TIC101.SP', { name: 'Demo plant', state }, StatusCode.Good)).toBe(`demo/TIC101.SP: connection "Demo plant" is ${state}; operations wait until it is connected`);
    }
    expect(checkOperable('demo/TIC101.SP', undefined, StatusCode.Good)).toBe('demo/TIC101.SP: its connection is not running');
  });

  it('refuses a Bad tag with its sub-status, and a tag with no value yet', () => {
    expect(checkOperable('demo/TIC101.SP', connected, StatusCode.BadSensorFailure)).toBe('demo/TIC101.SP: its value is Bad (BadSensorFailure); operations wait until it is Good');
    expect(checkOperable('demo/TIC101.SP', connected, undefined)).toContain('no value received yet');
  });
});
