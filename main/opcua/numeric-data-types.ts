import { DataType } from 'node-opcua';

/** Built-in types whose values node-opcua hands over as plain JS numbers (64-bit integers are not among them). */
export const FLOAT_TYPES: ReadonlySet<DataType> = new Set([DataType.Float, DataType.Double]);
export const SMALL_INTEGER_TYPES: ReadonlySet<DataType> = new Set([DataType.SByte, DataType.Byte, DataType.Int16, DataType.UInt16, DataType.Int32, DataType.UInt32]);
