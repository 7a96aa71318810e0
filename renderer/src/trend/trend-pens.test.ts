import { describe, expect, it } from 'vitest';
import { makeTagInfo } from '../test-support/make-tag-info.js';
import { STEP_AXIS } from './axis-groups.js';
import { axisGroups, chartSetup, trendPens } from './trend-pens.js';

const tags = [
  makeTagInfo(0, { unit: 'bar' }),
  makeTagInfo(1, { unit: 'degC' }),
  makeTagInfo(2, { dataType: 'Boolean' }),
  makeTagInfo(3, { dataType: 'Double[]', unit: 'bar' }),
  makeTagInfo(4, { unit: 'bar' }),
];

describe('trend pens', () => {
  it('draws pens on one axis per unit, booleans as steps, and leaves arrays out of the chart', () => {
    const pens = trendPens(['plant/T0', 'plant/T1', 'plant/T2', 'plant/T3', 'plant/T4', 'plant/unknown'], tags, {});
    expect(pens.map((p) => [p.tag.id, p.kind, p.axis])).toEqual([
      ['plant/T0', 'analog', 'bar'],
      ['plant/T1', 'analog', 'degC'],
      ['plant/T2', 'step', STEP_AXIS],
      ['plant/T3', 'array', 'bar'],
      ['plant/T4', 'analog', 'bar'],
    ]);
    const { pens: drawn, axes } = chartSetup(axisGroups(pens, {}));
    expect(drawn.map((p) => [p.tagId, p.axis, p.stepped])).toEqual([
      ['plant/T0', 'bar', false],
      ['plant/T4', 'bar', false],
      ['plant/T1', 'degC', false],
      ['plant/T2', STEP_AXIS, true],
    ]);
    expect(axes.map((a) => [a.axis, a.scaling.mode])).toEqual([
      ['bar', 'auto'],
      ['degC', 'auto'],
      [STEP_AXIS, 'fixed'],
    ]);
  });

  it('gives an axis no chart when none of its pens can be drawn', () => {
    const pens = trendPens(['plant/T3'], tags, {});
    expect(chartSetup(axisGroups(pens, {}))).toEqual({ pens: [], axes: [] });
  });
});
