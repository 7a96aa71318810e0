import { DataType, DataValue, StatusCodes, Variant, VariantArrayType } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { dataValueToSample, variantToNumber, type SampleSlot } from './data-value-to-sample.js';

const slot = (): SampleSlot => ({ time: 0, value: 0, status: 0 });

describe('dataValueToSample', () => {
  it('takes the source timestamp, the value and the whole status code', () => {
    const source = new Date('2026-11-25T03:00:00.123Z');
    const dv = new DataValue({
      value: new Variant({ dataType: DataType.Double, value: 42.5 }),
      sourceTimestamp: source,
      serverTimestamp: new Date('2026-11-25T03:00:01Z'),
      statusCode: StatusCodes.UncertainLastUsableValue,
    });
    const sample = dataValueToSample(dv, () => 999, slot());
    expect(sample).toEqual({ time: source.getTime(), value: 42.5, status: 0x40900000 });
  });

  it('falls back to the server timestamp, then to the receive time', () => {
    const server = new Date('2026-11-25T03:00:01Z');
    const withServer = new DataValue({ value: new Variant({ dataType: DataType.Int32, value: 7 }), serverTimestamp: server });
    expect(dataValueToSample(withServer, () => 5, slot()).time).toBe(server.getTime());
    const bare = new DataValue({ value: new Variant({ dataType: DataType.Int32, value: 7 }) });
    expect(dataValueToSample(bare, () => 5, slot()).time).toBe(5);
  });

  it('keeps a Bad status with its sub-code so the operator sees why', () => {
    const dv = new DataValue({ statusCode: StatusCodes.BadSensorFailure });
    const sample = dataValueToSample(dv, () => 1, slot());
    expect(sample.status).toBe(StatusCodes.BadSensorFailure.value);
    expect(sample.value).toBeNaN();
  });

  it('reuses the slot it is given', () => {
    const out = slot();
    const dv = new DataValue({ value: new Variant({ dataType: DataType.Float, value: 1.5 }) });
    expect(dataValueToSample(dv, () => 1, out)).toBe(out);
  });
});

describe('variantToNumber', () => {
  it('maps booleans to 0 and 1', () => {
    expect(variantToNumber(new Variant({ dataType: DataType.Boolean, value: true }))).toBe(1);
    expect(variantToNumber(new Variant({ dataType: DataType.Boolean, value: false }))).toBe(0);
  });

  it('reads 64-bit integers from their high and low words', () => {
    expect(variantToNumber(new Variant({ dataType: DataType.UInt64, arrayType: VariantArrayType.Scalar, value: [1, 5] }))).toBe(2 ** 32 + 5);
    expect(variantToNumber(new Variant({ dataType: DataType.Int64, arrayType: VariantArrayType.Scalar, value: [0xffffffff, 0xfffffffe] }))).toBe(-2);
  });

  it('gives NaN for values with no numeric meaning', () => {
    expect(variantToNumber(new Variant({ dataType: DataType.String, value: '12' }))).toBeNaN();
    expect(
      variantToNumber(new Variant({ dataType: DataType.Double, arrayType: VariantArrayType.Array, value: new Float64Array([1, 2]) })),
    ).toBeNaN();
    expect(variantToNumber(null)).toBeNaN();
  });
});
