import { DataType } from 'node-opcua';
import { FLOAT_TYPES, SMALL_INTEGER_TYPES } from './numeric-data-types.js';

/** A write must carry the node's own type: the server refuses a Double for an Int32. */
export function coerceForWrite(dataType: DataType, value: number | boolean): number | boolean | undefined {
  if (dataType === DataType.Boolean) return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (FLOAT_TYPES.has(dataType)) return value;
  if (SMALL_INTEGER_TYPES.has(dataType)) return Number.isInteger(value) ? value : undefined;
  return undefined;
}
