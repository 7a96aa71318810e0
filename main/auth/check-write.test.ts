import { describe, expect, it } from 'vitest';
import { checkWrite, type WriteTarget } from './check-write.js';

const setpoint: WriteTarget = { id: 'demo/TIC101.SP', dataType: 'Double', unit: 'degC', euRange: { low: 20, high: 120 }, writable: true, writeLimits: { low: 30, high: 90 } };
const refused = (message: string) => ({ ok: false, message });

describe('checkWrite', () => {
  it('accepts a value inside the range and the limits', () => {
    expect(checkWrite(setpoint, 65.5)).toEqual({ ok: true });
    expect(checkWrite(setpoint, 30)).toEqual({ ok: true });
    expect(checkWrite(setpoint, 90)).toEqual({ ok: true });
  });

  it('names the engineering limit that refuses a value inside the instrument range', () => {
    expect(checkWrite(setpoint, 95)).toEqual(refused('demo/TIC101.SP: 95 degC is above the engineering limit (project writeLimits) high 90 degC'));
    expect(checkWrite(setpoint, 25)).toEqual(refused('demo/TIC101.SP: 25 degC is below the engineering limit (project writeLimits) low 30 degC'));
  });

  it('names the EURange when the value is outside the instrument itself', () => {
    expect(checkWrite(setpoint, 500)).toEqual(refused('demo/TIC101.SP: 500 degC is above the instrument range (EURange) high 120 degC'));
    expect(checkWrite({ ...setpoint, writeLimits: null, unit: '' }, -1)).toEqual(refused('demo/TIC101.SP: -1 is below the instrument range (EURange) low 20'));
  });

  it('writes anything finite when neither a range nor limits are known', () => {
    expect(checkWrite({ ...setpoint, euRange: null, writeLimits: null }, 1e300)).toEqual({ ok: true });
  });

  it('refuses a read-only tag and a tag whose type is not known yet', () => {
    expect(checkWrite({ ...setpoint, writable: false }, 50)).toEqual(refused('demo/TIC101.SP: is read-only on its server'));
    expect(checkWrite({ ...setpoint, dataType: '' }, 50)).toEqual(refused(expect.stringContaining('data type is not known yet')));
  });

  it('checks the value against the node’s DataType', () => {
    const pump = { ...setpoint, id: 'demo/Pump1.Start', dataType: 'Boolean', euRange: null, writeLimits: null, unit: '' };
    expect(checkWrite(pump, true)).toEqual({ ok: true });
    expect(checkWrite(pump, 1)).toEqual(refused('demo/Pump1.Start: takes true or false (Boolean), not 1'));
    expect(checkWrite(setpoint, true)).toEqual(refused('demo/TIC101.SP: takes a number (Double), not true'));
    expect(checkWrite(setpoint, Number.NaN)).toEqual(refused('demo/TIC101.SP: takes a finite number (Double), not NaN'));
    expect(checkWrite({ ...setpoint, dataType: 'String' }, 1)).toEqual(refused('demo/TIC101.SP: its data type String cannot be written from Tidewatch'));
    expect(checkWrite({ ...setpoint, dataType: 'Int64' }, 1)).toEqual(refused(expect.stringContaining('Int64 cannot be written')));
  });

  it.each([
    ['SByte', -128, 127],
    ['Byte', 0, 255],
    ['Int16', -32768, 32767],
    ['UInt16', 0, 65535],
    ['Int32', -2147483648, 2147483647],
    ['UInt32', 0, 4294967295],
  ])('holds an %s to whole numbers from %d to %d', (dataType, low, high) => {
    const target = { ...setpoint, dataType, euRange: null, writeLimits: null, unit: '' };
    expect(checkWrite(target, low)).toEqual({ ok: true });
    expect(checkWrite(target, high)).toEqual({ ok: true });
    expect(checkWrite(target, low - 1)).toEqual(refused(`demo/TIC101.SP: takes a whole number from ${low} to ${high} (${dataType}), not ${low - 1}`));
    expect(checkWrite(target, high + 1).ok).toBe(false);
    expect(checkWrite(target, 1.5).ok).toBe(false);
  });

  it('refuses a Float that does not fit 32 bits', () => {
    const target = { ...setpoint, dataType: 'Float', euRange: null, writeLimits: null, unit: '' };
    expect(checkWrite(target, 3e38)).toEqual({ ok: true });
    expect(checkWrite(target, 4e38)).toEqual(refused('demo/TIC101.SP: 4e+38 does not fit a Float'));
  });
});
