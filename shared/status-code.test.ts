import { describe, expect, it } from 'vitest';
import { qualityOf, StatusCode, statusText } from './status-code.js';

describe('status codes', () => {
  it('classifies by the severity bits', () => {
    expect(qualityOf(StatusCode.Good)).toBe('good');
    expect(qualityOf(StatusCode.UncertainLastUsableValue)).toBe('uncertain');
    expect(qualityOf(StatusCode.BadNoCommunication)).toBe('bad');
    expect(qualityOf(0xc0000000)).toBe('bad');
  });

  it('names a code even with info bits set, and shows unknown codes in hex', () => {
    expect(statusText(StatusCode.BadSensorFailure)).toBe('BadSensorFailure');
    expect(statusText(StatusCode.Good | 0x480)).toBe('Good');
    expect(statusText(0x80ee0000)).toBe('0x80EE0000');
  });
});
