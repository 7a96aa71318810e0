import { describe, expect, it } from 'vitest';
import { argumentTypeProblem, bindCommandArguments } from './bind-command-arguments.js';

describe('bindCommandArguments', () => {
  const server = [{ name: 'Recipe', dataType: 'String' }, { name: 'BatchSize', dataType: 'UInt32' }, { name: 'Line', dataType: 'Byte' }];
  const declared = [{ name: 'Recipe', dataType: 'String' as const }, { name: 'BatchSize', dataType: 'UInt32' as const }, { name: 'Line', dataType: 'Byte' as const, value: 2 }];

  it("binds the operator's values and the project's fixed ones in the server's order", () => {
    expect(bindCommandArguments(declared, server, { BatchSize: 50, Recipe: 'A-7' })).toEqual({
      ok: true,
      values: [{ name: 'Recipe', dataType: 'String', value: 'A-7' }, { name: 'BatchSize', dataType: 'UInt32', value: 50 }, { name: 'Line', dataType: 'Byte', value: 2 }],
    });
  });

  it('refuses a value that does not fit its type, a missing one, an unknown one and an override of a fixed one', () => {
    const refused = (given: Record<string, number | boolean | string>) => {
      const result = bindCommandArguments(declared, server, given);
      return result.ok ? 'bound' : result.message;
    };
    expect(refused({ Recipe: 'A', BatchSize: -1 })).toBe('BatchSize: takes a whole number from 0 to 4294967295 (UInt32), not -1');
    expect(refused({ Recipe: 'A', BatchSize: '50' })).toBe('BatchSize: takes a number (UInt32), not 50');
    expect(refused({ Recipe: 7, BatchSize: 5 })).toBe('Recipe: takes text (String), not 7');
    expect(refused({ Recipe: 'A' })).toBe('BatchSize: enter a value (UInt32)');
    expect(refused({ Recipe: 'A', BatchSize: 5, Speed: 3 })).toBe('unknown argument "Speed"');
    expect(refused({ Recipe: 'A', BatchSize: 5, Line: 3 })).toBe('Line: is fixed by the project to 2');
  });

  it('refuses to call a method the server now declares differently from the project', () => {
    const message = (onServer: { name: string; dataType: string }[]) => {
      const result = bindCommandArguments(declared, onServer, { Recipe: 'A', BatchSize: 5 });
      return result.ok ? 'bound' : result.message;
    };
    expect(message(server.slice(0, 2))).toBe('the method on the server takes 2 argument(s): Recipe (String), BatchSize (UInt32); the project declares 3');
    expect(message([server[0]!, { name: 'Size', dataType: 'UInt32' }, server[2]!])).toBe('argument 2 is "Size" on the server, the project says "BatchSize"');
    expect(message([server[0]!, { name: 'BatchSize', dataType: 'Double[]' }, server[2]!])).toBe('BatchSize: the server takes Double[], the project says UInt32');
  });
});

describe('argumentTypeProblem', () => {
  it('takes text for String and checks numbers and booleans as a write does', () => {
    expect(argumentTypeProblem('String', 'x')).toBeNull();
    expect(argumentTypeProblem('Boolean', 'true')).toBe('takes true or false (Boolean), not true');
    expect(argumentTypeProblem('SByte', 200)).toBe('takes a whole number from -128 to 127 (SByte), not 200');
    expect(argumentTypeProblem('LocalizedText', 'x')).toBe('its data type LocalizedText cannot be written from Tidewatch');
  });
});
