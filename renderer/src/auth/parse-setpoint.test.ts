import { describe, expect, it } from 'vitest';
import { parseSetpoint } from './parse-setpoint.js';

describe('parseSetpoint', () => {
  it.each([
    ['75', 75],
    [' 75.5 ', 75.5],
    ['75,5', 75.5],
    ['-3', -3],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseSetpoint(text, 'Double')).toEqual({ ok: true, value });
  });

  it('refuses what is not a number, and says what was typed', () => {
    expect(parseSetpoint('', 'Double')).toEqual({ ok: false, message: 'enter a value' });
    expect(parseSetpoint('12abc', 'Double')).toEqual({ ok: false, message: '"12abc" is not a number' });
    expect(parseSetpoint('0x10', 'Int32')).toEqual({ ok: false, message: '"0x10" is not a number' });
    expect(parseSetpoint('1,000,000', 'Double')).toEqual({ ok: false, message: '"1,000,000" is not a number' });
    expect(parseSetpoint('1e999', 'Double')).toEqual({ ok: false, message: '"1e999" is too large' });
  });

  it('takes only true or false for a Boolean', () => {
    expect(parseSetpoint('true', 'Boolean')).toEqual({ ok: true, value: true });
    expect(parseSetpoint('false', 'Boolean')).toEqual({ ok: true, value: false });
    expect(parseSetpoint('1', 'Boolean')).toEqual({ ok: false, message: 'choose true or false' });
  });
});
