import { describe, expect, it } from 'vitest';
import { parseArgument } from './parse-argument.js';

describe('parseArgument', () => {
  it('keeps text for String, reads numbers and booleans as a setpoint is read', () => {
    expect(parseArgument(' A-7 ', 'String')).toEqual({ ok: true, value: ' A-7 ' });
    expect(parseArgument('50', 'UInt32')).toEqual({ ok: true, value: 50 });
    expect(parseArgument('2,5', 'Double')).toEqual({ ok: true, value: 2.5 });
    expect(parseArgument('true', 'Boolean')).toEqual({ ok: true, value: true });
    expect(parseArgument('fifty', 'UInt32')).toEqual({ ok: false, message: '"fifty" is not a number' });
  });
});
