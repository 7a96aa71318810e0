import { DataType, DataValue, StatusCodes, Variant, VariantArrayType } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import type { SourceListener } from '../api/sample-source.js';
import type { PlannedTag } from './subscription-plan.js';
import { TagFeed } from './tag-feed.js';

const tag = (index: number): PlannedTag => ({ index, nodeId: `ns=1;s=T${index}`, publishingInterval: 100, samplingInterval: 100, queueSize: 2, deadband: null });

function setup() {
  const samples: number[] = [];
  const listener: SourceListener = {
    sample: (index) => void samples.push(index),
    stale: () => undefined,
    metadata: () => undefined,
    status: () => undefined,
    log: () => undefined,
  };
  let retyped = 0;
  const feed = new TagFeed('PLC', listener, () => 1_000, () => void retyped++);
  const a = tag(1);
  const b = tag(2);
  feed.add([a, b]);
  return { feed, a, b, samples, retyped: () => retyped };
}

const value = (dataType: DataType, v: unknown, arrayType = VariantArrayType.Scalar) =>
  new DataValue({ value: new Variant({ dataType, arrayType, value: v }), sourceTimestamp: new Date(1_000) });

describe('TagFeed', () => {
  it('asks for the metadata again when a tag’s values change type, once per change', () => {
    const { feed, a, b, samples, retyped } = setup();
    feed.sample(a, value(DataType.Double, 1.5));
    feed.sample(b, value(DataType.Int32, 7));
    feed.sample(a, value(DataType.Double, 2.5));
    expect(retyped()).toBe(0);
    expect(feed.takeUndescribed()).toEqual([]);
    feed.sample(a, value(DataType.Int32, 3));
    feed.sample(a, value(DataType.Int32, 4));
    expect(retyped()).toBe(1);
    expect(feed.takeUndescribed()).toEqual([a]);
    expect(samples).toEqual([1, 2, 1, 1, 1]); // the values still flow meanwhile
  });

  it('takes a scalar becoming an array as a change of type', () => {
    const { feed, a, retyped } = setup();
    feed.sample(a, value(DataType.Double, 1));
    feed.sample(a, value(DataType.Double, new Float64Array([1, 2]), VariantArrayType.Array));
    expect(retyped()).toBe(1);
    expect(feed.takeUndescribed()).toEqual([a]);
  });

  it('ignores a Bad sample without a value between values of the same type', () => {
    const { feed, a, retyped } = setup();
    feed.sample(a, value(DataType.Double, 1));
    feed.sample(a, new DataValue({ statusCode: StatusCodes.BadNoCommunication }));
    feed.sample(a, value(DataType.Double, 2));
    expect(retyped()).toBe(0);
  });
});
