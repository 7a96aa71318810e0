import { describe, expect, it } from 'vitest';
import { isDrawable, penKind, penKindMessage } from './pen-kind.js';

describe('penKind', () => {
  it('draws numbers as lines and booleans as steps', () => {
    for (const type of ['Double', 'Float', 'Int32', 'UInt64', 'Byte']) expect(penKind(type)).toBe('analog');
    expect(penKind('Boolean')).toBe('step');
  });

  it('draws a type it does not know yet, or a server-defined one, for whatever numbers come', () => {
    expect(penKind('')).toBe('analog');
    expect(penKind('ns=2;i=3001')).toBe('analog');
  });

  it('refuses arrays and non-numeric types, saying why', () => {
    expect(penKind('Double[]')).toBe('array');
    expect(penKindMessage('array', 'Double[]')).toBe('Arrays (Double[]) cannot be trended');
    expect(penKind('String')).toBe('not-numeric');
    expect(penKindMessage('not-numeric', 'String')).toContain('String values are not numbers');
    expect(isDrawable('array') || isDrawable('not-numeric')).toBe(false);
    expect(penKindMessage('analog', 'Double')).toBe('');
  });
});
