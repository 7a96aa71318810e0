import { describe, expect, it } from 'vitest';
import { NO_UNIT_AXIS, STEP_AXIS, groupByAxis, penAxis } from './axis-groups.js';

describe('axis groups', () => {
  it('puts pens on an axis per unit, booleans together, and honours a named axis', () => {
    expect(penAxis('', 'bar', 'analog')).toBe('bar');
    expect(penAxis('', '', 'analog')).toBe(NO_UNIT_AXIS);
    expect(penAxis('', '', 'step')).toBe(STEP_AXIS);
    expect(penAxis('Pressures', 'bar', 'analog')).toBe('Pressures');
  });

  it('groups in order of first appearance, with fixed scaling where set and on/off fixed by default', () => {
    const pens = [
      { id: 'a', axis: 'bar' },
      { id: 'b', axis: 'degC' },
      { id: 'c', axis: 'bar' },
      { id: 'd', axis: STEP_AXIS },
    ];
    const groups = groupByAxis(pens, { degC: { mode: 'fixed', min: 0, max: 100 } });
    expect(groups.map((g) => [g.axis, g.pens.map((p) => p.id), g.scaling.mode])).toEqual([
      ['bar', ['a', 'c'], 'auto'],
      ['degC', ['b'], 'fixed'],
      [STEP_AXIS, ['d'], 'fixed'],
    ]);
  });
});
