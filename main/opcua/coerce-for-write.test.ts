import { DataType } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { coerceForWrite } from './coerce-for-write.js';

describe('coerceForWrite', () => {
  it('passes numbers to float nodes and booleans to boolean nodes', () => {
    expect(coerceForWrite(DataType.Double, 12.5)).toBe(12.5);
    expect(coerceForWrite(DataType.Boolean, true)).toBe(true);
  });

  it('refuses what the node cannot hold, so the server is never asked to guess', () => {
    expect(coerceForWrite(DataType.Int32, 1.5)).toBeUndefined();
    expect(coerceForWrite(DataType.Boolean, 1)).toBeUndefined();
    expect(coerceForWrite(DataType.Double, true)).toBeUndefined();
    expect(coerceForWrite(DataType.Double, Number.NaN)).toBeUndefined();
    expect(coerceForWrite(DataType.String, 3)).toBeUndefined();
  });

  it('accepts whole numbers for integer nodes', () => {
    expect(coerceForWrite(DataType.UInt32, 7)).toBe(7);
  });
});
